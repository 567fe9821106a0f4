package dev.fapiaoflow.verification;

/** A check of an invoice we did not issue while no verification provider is configured. */
public class NoVerificationProvider extends RuntimeException {

    public NoVerificationProvider() {
        super("no verification provider configured (fapiaoflow.verification.provider): only invoices issued here can be checked");
    }
}
