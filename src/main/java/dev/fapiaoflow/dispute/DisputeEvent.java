package dev.fapiaoflow.dispute;

import java.time.Instant;

/** A dispute was opened, or resolved (outcome set; REJECTED is a resolution too); published in that transaction. */
public record DisputeEvent(Type type, long disputeId, long invoiceId, String customer, String reason, String outcome,
        Instant occurredAt) {

    public enum Type { OPENED, RESOLVED }
}
