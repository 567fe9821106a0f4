package dev.fapiaoflow.dispute;

import dev.fapiaoflow.buyer.BuyerDetails;

/**
 * {@code POST /api/invoices/{id}/disputes}: {@code correction} holds the buyer fields to change, with the names of
 * a saved title; fields left out stay as printed.
 */
public record RaiseDisputeCommand(DisputeReason reason, String description, BuyerDetails correction) {

    @Override
    public String toString() {
        return "RaiseDisputeCommand[reason=" + reason + ", text and correction masked]";
    }
}
