package dev.fapiaoflow.dispute;

import java.time.Instant;
import java.util.List;

import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.issuance.InvoiceType;

/**
 * {@code GET /api/disputes/{id}}. {@code recommendation} and its note are for customer service and left out for
 * the customer; {@code invoiceType} is the type a WRONG_TYPE dispute wants on the re-issue; {@code outcomeComment} is the reason a rejected dispute shows the customer.
 */
public record DisputeView(long id, long invoiceId, String invoiceNumber, DisputeStatus status, DisputeReason reason,
        String description, Correction correction, InvoiceType invoiceType, String recommendation, String recommendationNote,
        DisputeOutcome outcome, String outcomeComment, Long redInvoiceId, Long reissuedInvoiceId, String customer,
        Instant createdAt, Instant dueAt, boolean overdue, List<Message> messages) {

    public record Correction(BuyerType buyerType, String title, String taxId, String address, String phone,
            String bankName, String bankAccount) {
    }

    public record Message(long id, String author, boolean fromCustomer, String text, Instant createdAt) {
    }

    @Override
    public String toString() {
        return "DisputeView[id=" + id + ", invoice=" + invoiceId + ", " + status + "]";
    }
}
