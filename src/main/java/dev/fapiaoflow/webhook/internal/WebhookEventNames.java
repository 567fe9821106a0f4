package dev.fapiaoflow.webhook.internal;

import java.util.List;

/** The events an endpoint may subscribe to (API.md). */
final class WebhookEventNames {

    static final String INVOICE_ISSUED = "invoice.issued";
    static final String INVOICE_DELIVERED = "invoice.delivered";
    static final String INVOICE_RED_FLUSHED = "invoice.red_flushed";
    static final String INVOICE_VOIDED = "invoice.voided";
    static final String REQUEST_REJECTED = "request.rejected";
    static final String DISPUTE_OPENED = "dispute.opened";
    static final String DISPUTE_RESOLVED = "dispute.resolved";

    static final List<String> ALL = List.of(INVOICE_ISSUED, INVOICE_DELIVERED, INVOICE_RED_FLUSHED, INVOICE_VOIDED,
            REQUEST_REJECTED, DISPUTE_OPENED, DISPUTE_RESOLVED);

    private WebhookEventNames() {
    }
}
