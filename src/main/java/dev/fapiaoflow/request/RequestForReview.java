package dev.fapiaoflow.request;

import java.time.Instant;
import java.util.List;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.order.InvoiceableItem;

/**
 * A request as a finance reviewer checks it: the buyer's details decrypted (back office only), the order lines,
 * the total, the details as they were before each customer supplement, oldest first, and the postal address of a
 * paper invoice (null for e-mail).
 */
public record RequestForReview(long id, String customer, RequestStatus status, String reason, InvoiceType invoiceType,
        Delivery delivery, String totalAmount, Instant createdAt, BuyerDetails buyer, List<InvoiceableItem> items,
        List<Supplement> earlierBuyerDetails, RiskFacts riskFacts, InvoiceRequestCommand.PostalAddress postalAddress) {

    /** the details before a supplement, and what the reviewer had asked for */
    public record Supplement(BuyerDetails previous, String askedFor, Instant suppliedAt) {
    }
}
