package dev.fapiaoflow.issuance;

import java.util.List;

import dev.fapiaoflow.buyer.BuyerDetails;

/** Everything issuance needs to issue the invoice(s) for one request. */
public record InvoiceDraft(long requestId, String owner, InvoiceType type, BuyerDetails buyer, List<DraftLine> lines,
        String remarks) {
}
