package dev.fapiaoflow.issuance;

import java.util.List;

import dev.fapiaoflow.buyer.BuyerDetails;

/** Everything issuance needs to issue the invoice(s) for one request; {@code paper}: printed and posted, not e-mailed. */
public record InvoiceDraft(long requestId, String owner, InvoiceType type, BuyerDetails buyer, List<DraftLine> lines,
        String remarks, boolean paper) {

    public InvoiceDraft(long requestId, String owner, InvoiceType type, BuyerDetails buyer, List<DraftLine> lines,
            String remarks) {
        this(requestId, owner, type, buyer, lines, remarks, false);
    }
}
