package dev.fapiaoflow.verification.internal;

/**
 * Where the verification provider listens when its endpoint setting is blank: a provider started inside this
 * application's context (the test-scope simulator). Production sets the endpoint and has no such bean.
 */
public interface ProviderEndpoint {

    String url();
}
