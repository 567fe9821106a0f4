package dev.fapiaoflow.issuance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.fapiaoflow.buyer.BuyerType;

/**
 * What verification (验票) needs to know of one issued invoice: its face data and who owns it. Holds the
 * buyer title in clear, so never log it; its {@code toString} leaves it out.
 */
public record VerifiableInvoice(long id, String number, LocalDate issueDate, InvoiceKind kind, InvoiceType type,
        InvoiceStatus status, String owner, BuyerType buyerType, String buyerTitle, String sellerName,
        BigDecimal totalAmount, BigDecimal taxAmount, List<Line> lines) {

    public VerifiableInvoice {
        lines = List.copyOf(lines);
    }

    /** The same invoice in another status (its face data never changes once issued). */
    public VerifiableInvoice withStatus(InvoiceStatus newStatus) {
        return newStatus == status ? this : new VerifiableInvoice(id, number, issueDate, kind, type, newStatus, owner,
                buyerType, buyerTitle, sellerName, totalAmount, taxAmount, lines);
    }

    /** One item; {@code amount} is net of tax (金额). */
    public record Line(String itemName, BigDecimal quantity, BigDecimal amount, BigDecimal taxRate, BigDecimal taxAmount) {
    }

    @Override
    public String toString() {
        return "VerifiableInvoice[id=" + id + ", number=" + number + ", status=" + status + "]";
    }
}
