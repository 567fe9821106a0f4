package dev.fapiaoflow.dispute;

/**
 * OPEN: waiting for customer service; ESCALATED: with the finance managers (SLA passed or escalated by hand);
 * IN_PROGRESS: an action was chosen and runs (red-letter approval, re-issue, re-posting); then RESOLVED or REJECTED.
 */
public enum DisputeStatus {
    OPEN, ESCALATED, IN_PROGRESS, RESOLVED, REJECTED;

    public boolean closed() {
        return this == RESOLVED || this == REJECTED;
    }
}
