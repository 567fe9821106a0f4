package dev.fapiaoflow.security;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import dev.fapiaoflow.shared.Texts;

/**
 * Checks passwords against Camunda's identity store, so the portal, the API, Tasklist and Cockpit know one set of
 * users and groups. Groups become authorities under their own names. Failures are throttled by {@link LoginThrottle}
 * per account and client address, with a bounded account-wide lock (Camunda's own lockout is off:
 * {@link PasswordHashingPlugin}); a refused attempt gets the same answer as a wrong password, so it tells an attacker
 * nothing, and is not checked at all. Accounts an administrator locked are refused too.
 * <p>
 * A password verified a moment ago is not hashed again ({@link VerifiedCredentials}): API clients send it with every
 * call. The stored hash, the failed-attempt count and the administrator's lock are still read on every call, so a
 * changed password, a failure on any node or a lock takes effect at once; a change of groups within a minute.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final String BAD_CREDENTIALS = "login.failed";

    private final IdentityService identityService;
    private final AccountLocks locks;
    private final VerifiedCredentials verified;
    private final LoginThrottle throttle;
    private final Lock[] verifying = new Lock[64];

    CamundaIdentityAuthenticationProvider(IdentityService identityService, AccountLocks locks,
            VerifiedCredentials verified, LoginThrottle throttle) {
        this.identityService = identityService;
        this.locks = locks;
        this.verified = verified;
        this.throttle = throttle;
        for (int stripe = 0; stripe < verifying.length; stripe++) {
            verifying[stripe] = new ReentrantLock();
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null || userId.isBlank() || userId.length() > 64) {
            throw new BadCredentialsException(Texts.of(BAD_CREDENTIALS));
        }
        String password = credentials.toString();
        String client = LoginThrottle.clientOf(authentication);
        if (throttle.refusedUntil(userId, client).isPresent()) {
            throw new BadCredentialsException(Texts.of(BAD_CREDENTIALS));
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        Optional<List<GrantedAuthority>> recentlyVerified = recentlyVerified(user, userId, password);
        if (recentlyVerified.isEmpty()) {
            // one bcrypt check per account at a time: a client that sends its first calls in parallel (or all its
            // calls as the minute ends) paid a deliberately slow hash per call (JFR, bench/e2e-h2.sh); the others now
            // wait for the first one and find its result
            Lock verifying = this.verifying[Math.floorMod(userId.hashCode(), this.verifying.length)];
            verifying.lock();
            try {
                recentlyVerified = recentlyVerified(user, userId, password);
                if (recentlyVerified.isEmpty()) {
                    return verifyAgainstTheStore(userId, password, user, client);
                }
            } finally {
                verifying.unlock();
            }
        }
        if (locks.isLocked(userId)) {
            verified.forget(userId);
            throw new BadCredentialsException(Texts.of(BAD_CREDENTIALS));
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, recentlyVerified.get());
    }

    private Optional<List<GrantedAuthority>> recentlyVerified(User user, String userId, String password) {
        return user == null || hasFailedAttempts(user) ? Optional.empty()
                : verified.lookup(userId, password, user.getPassword());
    }

    private Authentication verifyAgainstTheStore(String userId, String password, User user, String client) {
        if (!identityService.checkPassword(userId, password)) {
            verified.forget(userId);
            if (user != null) {
                throttle.failed(userId, client);
            }
            throw new BadCredentialsException(Texts.of(BAD_CREDENTIALS));
        }
        throttle.succeeded(userId, client);
        if (locks.isLocked(userId)) {
            verified.forget(userId);
            throw new BadCredentialsException(Texts.of(BAD_CREDENTIALS));
        }
        String storedHash = rehashOlderPassword(userId, password);
        List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        verified.remember(userId, password, storedHash, authorities);
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /**
     * A failed attempt (on any node) since the last success: the password is checked against the store again (Camunda
     * counts the failures and resets the count when the password is right).
     */
    private static boolean hasFailedAttempts(User user) {
        return !(user instanceof UserEntity entity) || entity.getAttempts() > 0;
    }

    /**
     * A hash from before bcrypt (Camunda's salted SHA-512) is replaced the first time its password is known.
     * Returns the stored hash the password was verified against (or replaced by).
     */
    private String rehashOlderPassword(String userId, String password) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user != null && user.getPassword() != null
                && !user.getPassword().startsWith("{" + BcryptPasswordEncryptor.ALGORITHM + "}")) {
            user.setPassword(password);
            identityService.saveUser(user);
            user = identityService.createUserQuery().userId(userId).singleResult();
        }
        return user == null ? null : user.getPassword();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
