package dev.fapiaoflow.verification;

import dev.fapiaoflow.issuance.InvoiceStatus;

/** An invoice's validity as a verifier sees it (API.md). */
public enum VerificationStatus {
    NORMAL, VOIDED, RED_FLUSHED, PARTIALLY_RED_FLUSHED;

    public static VerificationStatus of(InvoiceStatus status) {
        return switch (status) {
            case ISSUED, DELIVERED -> NORMAL;
            case VOIDED -> VOIDED;
            case RED_FLUSHED -> RED_FLUSHED;
            case PARTIALLY_RED_FLUSHED -> PARTIALLY_RED_FLUSHED;
        };
    }
}
