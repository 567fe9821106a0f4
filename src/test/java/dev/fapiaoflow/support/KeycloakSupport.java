package dev.fapiaoflow.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Signs the application's users in with {@link KeycloakServer}, configured with nothing but Spring Boot's standard
 * OAuth2 settings, as an operator would (docs/operations.md): the login's client registration with the provider's
 * issuer, and the same issuer for bearer tokens.
 */
public final class KeycloakSupport implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String CLIENT_ID = "fapiaoflow";
    public static final String CLIENT_SECRET = "fapiaoflow-dev-secret";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        KeycloakServer keycloak = KeycloakServer.get();
        TestPropertyValues.of(
                "spring.security.oauth2.client.registration.fapiaoflow.client-id=" + CLIENT_ID,
                "spring.security.oauth2.client.registration.fapiaoflow.client-secret=" + CLIENT_SECRET,
                "spring.security.oauth2.client.registration.fapiaoflow.scope=openid,profile,email",
                "spring.security.oauth2.client.provider.fapiaoflow.issuer-uri=" + keycloak.issuer(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuer())
                .applyTo(context);
    }
}
