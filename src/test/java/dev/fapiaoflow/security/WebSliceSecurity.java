package dev.fapiaoflow.security;

import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.fapiaoflow.security.apikey.ApiKeys;

/**
 * The application's real security for a {@code @WebMvcTest} slice: its filter chains (401 without a login, the
 * role rules per path), method security and {@link AuthorizeBeforeBinding} (403 before the body is read). The chains
 * want the API-key store and Camunda's identity service to log callers in; slices log in with spring-security-test
 * instead, so both are stand-ins that fail the test if anything reaches them; so are the sign-on's user mappings, which
 * the chains take but use only when OpenID Connect is configured (never in a slice).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfig.class, AuthorizeBeforeBinding.class})
public class WebSliceSecurity {

    @Bean
    ApiKeys apiKeys() {
        return mock(ApiKeys.class, invocation -> {
            throw new AssertionError("a web slice reached the API-key store: " + invocation);
        });
    }

    @Bean
    OidcSignOn.LoginUsers oidcLoginUsers() {
        return mock(OidcSignOn.LoginUsers.class, invocation -> {
            throw new AssertionError("a web slice reached the sign-on's login mapping: " + invocation);
        });
    }

    @Bean
    OidcSignOn.BearerTokenUsers bearerTokenUsers() {
        return mock(OidcSignOn.BearerTokenUsers.class, invocation -> {
            throw new AssertionError("a web slice reached the sign-on's bearer-token mapping: " + invocation);
        });
    }

    @Bean
    IdentityService identityService() {
        return mock(IdentityService.class, invocation -> {
            throw new AssertionError("a web slice reached Camunda's identity service: " + invocation);
        });
    }
}
