package dev.fapiaoflow.issuance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import dev.fapiaoflow.buyer.BuyerDetails;

/**
 * One invoice as other features need to reason about it (disputes, refunds): who owns it, what it is, where it
 * stands and how it links to others. Holds the printed buyer in clear, so its {@code toString} leaves it out.
 */
public record InvoiceFacts(long id, String number, Long requestId, String owner, InvoiceKind kind, InvoiceType type,
        InvoiceStatus status, LocalDate issueDate, Instant issuedAt, BigDecimal totalAmount, BuyerDetails buyer,
        Long originalInvoiceId, Long replacesInvoiceId) {

    @Override
    public String toString() {
        return "InvoiceFacts[id=" + id + ", number=" + number + ", " + kind + " " + type + " " + status + "]";
    }
}
