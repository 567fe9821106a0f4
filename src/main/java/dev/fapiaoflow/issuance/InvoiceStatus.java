package dev.fapiaoflow.issuance;

public enum InvoiceStatus {
    ISSUED, DELIVERED, VOIDED, RED_FLUSHED
}
