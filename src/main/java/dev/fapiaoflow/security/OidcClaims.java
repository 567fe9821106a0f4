package dev.fapiaoflow.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads who a token names and which FapiaoFlow groups they belong to. The provider's groups are mapped by
 * {@code fapiaoflow.security.oidc.group-mapping} (a group not listed keeps its name); Keycloak's full group paths
 * ({@code /finance-reviewer}) count as the group's name. Whatever maps to no FapiaoFlow group is ignored, so a
 * school's other groups grant nothing here.
 */
final class OidcClaims {

    /** Camunda's user id: at most 64 characters, and nothing that would need escaping in Camunda's REST paths */
    static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._@-]{0,63}");

    private final OidcProperties properties;
    private final Set<String> knownGroups;

    OidcClaims(OidcProperties properties, Collection<String> knownGroups) {
        this.properties = properties;
        this.knownGroups = Set.copyOf(knownGroups);
        properties.groupMapping().forEach((from, to) -> {
            if (!this.knownGroups.contains(to)) {
                throw new IllegalStateException("fapiaoflow.security.oidc.group-mapping." + from + " names " + to
                        + ", which is not a FapiaoFlow group; known: " + this.knownGroups);
            }
        });
    }

    /** the user id, or empty when the claim is missing or unusable as a Camunda user id */
    java.util.Optional<String> username(Map<String, Object> claims) {
        Object value = claims.get(properties.usernameClaim());
        if (value instanceof String name && USER_ID.matcher(name).matches()) {
            return java.util.Optional.of(name);
        }
        return java.util.Optional.empty();
    }

    List<String> groups(Map<String, Object> claims) {
        Set<String> groups = new LinkedHashSet<>();
        for (String providerGroup : values(claims, properties.groupsClaim())) {
            String name = providerGroup.startsWith("/") ? providerGroup.substring(1) : providerGroup;
            String mapped = properties.groupMapping().getOrDefault(name, properties.groupMapping().getOrDefault(providerGroup, name));
            if (knownGroups.contains(mapped)) {
                groups.add(mapped);
            }
        }
        return List.copyOf(groups);
    }

    private static List<String> values(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return List.of();
            }
            current = map.get(step);
        }
        List<String> values = new ArrayList<>();
        if (current instanceof Collection<?> collection) {
            collection.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
        } else if (current instanceof String text) {
            // some providers send a single group, or several separated by spaces like OAuth2's scope
            values.addAll(List.of(text.trim().split("\\s+")));
        }
        return values;
    }
}
