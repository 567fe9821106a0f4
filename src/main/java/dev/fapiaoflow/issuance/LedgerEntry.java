package dev.fapiaoflow.issuance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One event of the books: an invoice issued (blue, or red with negative amounts) or a blue invoice voided (its
 * amounts, to be reversed). Amounts as printed on the invoice: net excl. tax, tax, and their sum.
 */
public record LedgerEntry(Event event, long invoiceId, String number, InvoiceKind kind, String originalNumber,
        Instant at, BigDecimal netAmount, BigDecimal taxAmount, BigDecimal totalAmount) {

    public enum Event { ISSUED, VOIDED }
}
