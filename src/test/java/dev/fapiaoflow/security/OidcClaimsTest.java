package dev.fapiaoflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Who a token names and which FapiaoFlow groups they get: the claims of Keycloak's tokens as its documentation shows
 * them (group membership mapper, full path on or off; roles under {@code realm_access}).
 */
class OidcClaimsTest {

    private static final List<String> KNOWN = List.copyOf(CamundaAccessSetup.GROUP_NAMES.keySet());

    private static OidcClaims claims(String usernameClaim, String groupsClaim, Map<String, String> mapping) {
        return new OidcClaims(new OidcProperties(usernameClaim, groupsClaim, mapping, Duration.ofMinutes(1)), KNOWN);
    }

    @Test
    void byDefaultTheNameIsPreferredUsernameAndGroupsKeepTheirNames() {
        OidcClaims defaults = claims("preferred_username", "groups", Map.of());
        Map<String, Object> token = Map.of("sub", "8d3c…", "preferred_username", "lin",
                "groups", List.of("customer", "/finance-reviewer", "school-staff-all"));

        assertThat(defaults.username(token)).contains("lin");
        assertThat(defaults.groups(token)).as("full paths count by name; other groups grant nothing")
                .containsExactly("customer", "finance-reviewer");
    }

    @Test
    void settingsMapTheProvidersGroupsAndNameAnotherClaim() {
        OidcClaims mapped = claims("email", "realm_access.roles",
                Map.of("finance", "finance-reviewer", "students", "customer"));
        Map<String, Object> token = Map.of("email", "wang@school.example", "preferred_username", "wang",
                "realm_access", Map.of("roles", List.of("finance", "offline_access", "customer-service")));

        assertThat(mapped.username(token)).contains("wang@school.example");
        assertThat(mapped.groups(token)).containsExactly("finance-reviewer", "customer-service");
    }

    @Test
    void aSpaceSeparatedClaimCountsAsSeveralGroups() {
        assertThat(claims("preferred_username", "scope_groups", Map.of())
                .groups(Map.of("scope_groups", "shop  customer"))).containsExactly("shop", "customer");
    }

    @Test
    void aMissingOrUnusableNameIsNoUser() {
        OidcClaims defaults = claims("preferred_username", "groups", Map.of());

        assertThat(defaults.username(Map.of("sub", "x"))).isEmpty();
        assertThat(defaults.username(Map.of("preferred_username", "../admin"))).isEmpty();
        assertThat(defaults.username(Map.of("preferred_username", "x".repeat(65)))).isEmpty();
        assertThat(defaults.groups(Map.of("preferred_username", "lin"))).isEmpty();
    }

    @Test
    void aMappingOntoAGroupFapiaoFlowDoesNotHaveStopsTheStart() {
        assertThatThrownBy(() -> claims("preferred_username", "groups", Map.of("finance", "finance")))
                .hasMessageContaining("group-mapping.finance");
    }
}
