package dev.fapiaoflow.security;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How an OpenID Connect provider's tokens name people and their groups ({@code fapiaoflow.security.oidc.*}); in effect
 * only when Spring Boot's standard OAuth2 client or resource-server settings are present (see {@link OidcSignOn}).
 *
 * @param usernameClaim the claim that is the FapiaoFlow (and Camunda) user id
 * @param groupsClaim the claim holding the groups or roles; a dotted path reaches into an object
 *                    ({@code realm_access.roles})
 * @param groupMapping the provider's group → FapiaoFlow's group; a group not listed keeps its name; groups that name no
 *                     FapiaoFlow group are ignored
 * @param resyncAfter how long one node trusts the memberships it last wrote for a bearer token's user before it
 *                    compares them with the store again
 */
@Validated
@ConfigurationProperties("fapiaoflow.security.oidc")
record OidcProperties(@NotBlank @DefaultValue("preferred_username") String usernameClaim,
        @NotBlank @DefaultValue("groups") String groupsClaim,
        @NotNull @DefaultValue Map<String, String> groupMapping,
        @NotNull @DefaultValue("PT1M") Duration resyncAfter) {
}
