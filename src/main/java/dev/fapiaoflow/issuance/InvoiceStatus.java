package dev.fapiaoflow.issuance;

public enum InvoiceStatus {
    ISSUED, DELIVERED, VOIDED, RED_FLUSHED,
    /** part of the amount was reversed by a red-letter invoice (a partial refund); the rest stands */
    PARTIALLY_RED_FLUSHED
}
