package dev.fapiaoflow.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.LockedException;

import dev.fapiaoflow.shared.Texts;

/**
 * Keeps Camunda's identity store in step with the identity provider, so Tasklist, Cockpit and Camunda's authorizations
 * (all written against users and groups in {@code ACT_ID_*}) work for people who never had a password here. A person
 * is created at their first sign-in (name and e-mail from the token) and their memberships in FapiaoFlow's groups are
 * made to match the token's groups at every sign-in; the provider is the authority for every name it signs. Groups that
 * are not FapiaoFlow's are left alone. An account an administrator locked here stays refused.
 * <p>
 * Bearer tokens arrive with every call: a node writes a user's memberships once and compares again only when the token's
 * groups differ from what it wrote, or after {@code resync-after}.
 */
class OidcAccounts {

    private static final Logger log = LoggerFactory.getLogger(OidcAccounts.class);
    private static final int REMEMBERED_USERS = 10_000;

    private final IdentityService identityService;
    private final AccountLocks locks;
    private final Set<String> managedGroups;
    private final OidcProperties properties;
    private final Clock clock;
    private final Map<String, Synced> synced = new ConcurrentHashMap<>();

    private record Synced(Set<String> groups, Instant at) {
    }

    OidcAccounts(IdentityService identityService, AccountLocks locks, Collection<String> managedGroups,
            OidcProperties properties, Clock clock) {
        this.identityService = identityService;
        this.locks = locks;
        this.managedGroups = Set.copyOf(managedGroups);
        this.properties = properties;
        this.clock = clock;
    }

    /** at a sign-in: always compared with the store */
    void signedIn(String userId, Collection<String> groups, Map<String, Object> claims) {
        refuseLocked(userId);
        synchronize(userId, Set.copyOf(groups), claims);
    }

    /** at each call with a bearer token: compared with the store when the groups changed or the last look is old */
    void calledWithToken(String userId, Collection<String> groups, Map<String, Object> claims) {
        refuseLocked(userId);
        Set<String> wanted = Set.copyOf(groups);
        Synced last = synced.get(userId);
        if (last != null && last.groups().equals(wanted) && last.at().plus(properties.resyncAfter()).isAfter(clock.instant())) {
            return;
        }
        synchronize(userId, wanted, claims);
    }

    private void refuseLocked(String userId) {
        if (locks.isLocked(userId)) {
            synced.remove(userId);
            throw new LockedException(Texts.of("security.oidc.lockedByAdmin"));
        }
    }

    private void synchronize(String userId, Set<String> wanted, Map<String, Object> claims) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            create(userId, claims);
        }
        Set<String> current = new HashSet<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            current.add(group.getId());
        }
        for (String group : wanted) {
            if (!current.contains(group) && identityService.createGroupQuery().groupId(group).count() > 0) {
                try {
                    identityService.createMembership(userId, group);
                } catch (RuntimeException alreadyAddedByAnotherNode) {
                    log.debug("membership {} in {} was added meanwhile", userId, group, alreadyAddedByAnotherNode);
                }
            }
        }
        for (String group : current) {
            if (managedGroups.contains(group) && !wanted.contains(group)) {
                identityService.deleteMembership(userId, group);
            }
        }
        if (synced.size() > REMEMBERED_USERS) {
            synced.clear();
        }
        synced.put(userId, new Synced(wanted, clock.instant()));
    }

    private void create(String userId, Map<String, Object> claims) {
        User user = identityService.newUser(userId);
        user.setFirstName(text(claims, "given_name", text(claims, "name", userId)));
        user.setLastName(text(claims, "family_name", ""));
        user.setEmail(text(claims, "email", null));
        try {
            identityService.saveUser(user);
            log.info("user {} signed in with the identity provider for the first time and was added", userId);
        } catch (RuntimeException e) {
            // two nodes (or two tabs) at a first sign-in: the other one created the user
            if (identityService.createUserQuery().userId(userId).count() == 0) {
                throw e;
            }
        }
    }

    private static String text(Map<String, Object> claims, String claim, String otherwise) {
        Object value = claims.get(claim);
        return value instanceof String text && !text.isBlank() ? truncate(text) : otherwise;
    }

    private static String truncate(String text) {
        // Camunda's name and e-mail columns hold 255 characters
        return text.length() > 255 ? text.substring(0, 255) : text;
    }
}
