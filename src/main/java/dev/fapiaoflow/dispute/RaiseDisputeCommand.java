package dev.fapiaoflow.dispute;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.issuance.InvoiceType;

/**
 * {@code POST /api/invoices/{id}/disputes}: {@code correction} holds the buyer fields to change, with the names of
 * a saved title; fields left out stay as printed. {@code invoiceType} only with {@code WRONG_TYPE}: the type the
 * customer needs on the re-issue.
 */
public record RaiseDisputeCommand(DisputeReason reason, String description, BuyerDetails correction,
        InvoiceType invoiceType) {

    public RaiseDisputeCommand(DisputeReason reason, String description, BuyerDetails correction) {
        this(reason, description, correction, null);
    }

    @Override
    public String toString() {
        return "RaiseDisputeCommand[reason=" + reason + ", text and correction masked]";
    }
}
