package dev.fapiaoflow.verification.internal;

import dev.fapiaoflow.verification.ForeignCheckAnswer;

/**
 * The port to a provider that checks invoices we did not issue against the tax authority's data. At most one is
 * configured ({@code fapiaoflow.verification.provider}); without one, only our own invoices can be checked.
 */
public interface InvoiceVerificationProvider {

    /** the provider's name in answers and records, e.g. {@code tencent} */
    String name();

    /**
     * @throws dev.fapiaoflow.shared.InvalidInputException when the provider refuses a field (named as in the API)
     * @throws ProviderLimitReached when the provider will not check this invoice again today
     * @throws ProviderUnavailable when the provider or the tax authority behind it cannot answer now
     */
    Checked check(ForeignInvoiceQuery query);

    /** The answer, and the provider's own answer as it came, for the audit record. */
    record Checked(ForeignCheckAnswer answer, String raw) {
    }

    class ProviderLimitReached extends RuntimeException {
        public ProviderLimitReached(String message) {
            super(message);
        }
    }

    class ProviderUnavailable extends RuntimeException {
        public ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
