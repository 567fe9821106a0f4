package dev.fapiaoflow.issuance.internal;

import org.springframework.stereotype.Component;

import dev.fapiaoflow.issuance.IssuerSelection;
import dev.fapiaoflow.issuance.IssuingOutcome;

/** Today's issuing: our own gap-free number, our own PDF, at once ({@link InvoiceIssuer}). */
@Component
class LocalIssuingAdapter implements InvoiceIssuingAdapter {

    private final InvoiceIssuer issuer;

    LocalIssuingAdapter(InvoiceIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public String name() {
        return IssuerSelection.LOCAL;
    }

    @Override
    public IssuingOutcome issue(long requestId) {
        return IssuingOutcome.issued(issuer.issue(requestId));
    }
}
