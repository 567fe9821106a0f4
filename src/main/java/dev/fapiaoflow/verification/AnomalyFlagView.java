package dev.fapiaoflow.verification;

import java.time.Instant;

/**
 * One anomaly flag as finance sees it. {@code evidence}: distinct parties for MULTIPLE_VERIFIERS, mismatches in
 * the window for MISMATCH_BURST, 1 otherwise; {@code detail}: the invoice's status for
 * INVALIDATED_INVOICE_VERIFIED. The acknowledgement fields are null while the flag is open.
 */
public record AnomalyFlagView(long id, long invoiceId, String invoiceNumber, AnomalyKind kind, Instant raisedAt,
        int evidence, String detail, boolean open, Instant acknowledgedAt, String acknowledgedBy, String note) {
}
