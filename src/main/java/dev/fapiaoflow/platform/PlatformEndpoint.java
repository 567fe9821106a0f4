package dev.fapiaoflow.platform;

/**
 * Where the platform listens when {@code fapiaoflow.platform.base-url} is blank: a platform started inside this
 * application's context (the test-scope simulator). Production sets the base URL and has no such bean.
 */
public interface PlatformEndpoint {

    String baseUrl();
}
