package dev.fapiaoflow.request;

public enum RequestStatus {
    REQUESTED, IN_REVIEW, NEEDS_INFO, REJECTED, ISSUED, DELIVERED, CANCELLED;

    boolean isFinal() {
        return this == REJECTED || this == DELIVERED || this == CANCELLED;
    }
}
