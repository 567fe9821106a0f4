package dev.fapiaoflow.issuance;

import java.util.List;

/**
 * Where issuing a request stands: its invoices, once they exist, or {@code awaitingPlatform} while the e-invoice platform
 * has been asked and its answer (callback or poll) is still to come.
 */
public record IssuingOutcome(List<Long> invoiceIds, boolean awaitingPlatform) {

    public static IssuingOutcome issued(List<Long> invoiceIds) {
        return new IssuingOutcome(List.copyOf(invoiceIds), false);
    }

    public static IssuingOutcome awaiting() {
        return new IssuingOutcome(List.of(), true);
    }
}
