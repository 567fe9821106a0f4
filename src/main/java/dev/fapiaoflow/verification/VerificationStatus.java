package dev.fapiaoflow.verification;

import dev.fapiaoflow.issuance.InvoiceStatus;

/**
 * An invoice's validity as a verifier sees it (API.md). {@code PARTIALLY_RED_FLUSHED} joins once partial red-letter
 * invoices exist (the dispute issue); until then nothing could produce it.
 */
public enum VerificationStatus {
    NORMAL, VOIDED, RED_FLUSHED;

    public static VerificationStatus of(InvoiceStatus status) {
        return switch (status) {
            case ISSUED, DELIVERED -> NORMAL;
            case VOIDED -> VOIDED;
            case RED_FLUSHED -> RED_FLUSHED;
        };
    }
}
