package dev.fapiaoflow.issuance;

import java.util.Optional;

import dev.fapiaoflow.buyer.BuyerDetails;

/**
 * Implemented by the feature that decides corrections (disputes), so issuance does not depend on it: when the
 * issuance process re-issues an invoice, it asks here for the corrected buyer and type.
 */
public interface InvoiceCorrectionSource {

    /** the buyer to print on the re-issue of this invoice; empty: the buyer as printed on it */
    Optional<BuyerDetails> correctedBuyer(long invoiceId);

    /** the type the re-issue of this invoice is to have (a wrong type disputed); empty: the type as issued */
    default Optional<InvoiceType> correctedType(long invoiceId) {
        return Optional.empty();
    }

    /** whether the re-issue's lines are recomputed from the orders as they are now (a wrong amount disputed) */
    default boolean recomputeAmounts(long invoiceId) {
        return false;
    }
}
