package dev.fapiaoflow.issuance.internal;

import dev.fapiaoflow.issuance.IssuingOutcome;

/** The port through which a request's invoices are issued; {@link #name} is the value of {@code fapiaoflow.seller.issuing}. */
public interface InvoiceIssuingAdapter {

    String name();

    /** Issues the request's invoices, or asks for them; repeating it never issues twice. Runs in the caller's transaction. */
    IssuingOutcome issue(long requestId);
}
