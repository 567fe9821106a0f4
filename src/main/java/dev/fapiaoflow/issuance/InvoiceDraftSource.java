package dev.fapiaoflow.issuance;

import java.util.List;

/**
 * Implemented by the feature that owns requests, so issuance does not depend on it: issuance asks
 * for the draft and reports back in the same transaction which invoices it issued.
 */
public interface InvoiceDraftSource {

    InvoiceDraft draftFor(long requestId);

    void invoicesIssued(long requestId, List<Long> invoiceIds);
}
