package dev.fapiaoflow.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;

/**
 * Base of the sign-on tests: the shared application context of the browser tests plus Keycloak as the identity
 * provider ({@link KeycloakSupport}); every subclass shares one context and one Keycloak.
 */
@ContextConfiguration(initializers = KeycloakSupport.class)
public abstract class SignOnTestBase extends BrowserTestBase {

    protected static KeycloakServer keycloak() {
        return KeycloakServer.get();
    }

    /** a machine's token: the client-credentials grant of the shop's integration client */
    protected static String shopToken() {
        return token(Map.of("grant_type", "client_credentials", "client_id", "shop-integration",
                "client_secret", "shop-dev-secret"));
    }

    /** a person's token: the password grant of the realm's client for scripts */
    protected static String personToken(String user) {
        return token(Map.of("grant_type", "password", "client_id", "fapiaoflow-cli", "username", user,
                "password", "demo", "scope", "openid"));
    }

    private static String token(Map<String, String> form) {
        try {
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(keycloak().tokenEndpoint()))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode json = new ObjectMapper().readTree(response.body());
            return json.get("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** an HTTP client that sends the bearer token with every call */
    protected RestClient bearer(String token) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }
}
