package dev.fapiaoflow.issuance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Something happened to an invoice: {@link Type#ISSUED} (blue, locally or by the platform), {@link Type#DELIVERED},
 * {@link Type#RED_FLUSHED} (wholly or partly; {@code redInvoiceNumber} names the red-letter invoice) or
 * {@link Type#VOIDED}. Published inside the transaction that made the change, so a listener writing to the database
 * commits or rolls back with it. No buyer data: listeners may send it out of the house.
 */
public record InvoiceEvent(Type type, long invoiceId, String number, Long requestId, String owner, InvoiceKind kind,
        BigDecimal totalAmount, String redInvoiceNumber, Instant occurredAt) {

    public enum Type { ISSUED, DELIVERED, RED_FLUSHED, VOIDED }
}
