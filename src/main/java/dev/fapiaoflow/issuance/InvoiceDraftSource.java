package dev.fapiaoflow.issuance;

import java.util.List;

/**
 * Implemented by the feature that owns requests, so issuance does not depend on it: issuance asks
 * for the draft and reports back in the same transaction which invoices it issued.
 */
public interface InvoiceDraftSource {

    InvoiceDraft draftFor(long requestId);

    void invoicesIssued(long requestId, List<Long> invoiceIds);

    /**
     * Why the request must not be issued any more (an order refunded or changed since it was accepted), checked just
     * before its first numbering; empty when it may. The request's own checks ran when it was accepted (ADR 0011).
     */
    default java.util.Optional<String> noLongerIssuable(long requestId) {
        return java.util.Optional.empty();
    }
}
