package dev.fapiaoflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's identity store, so the portal, the API, Tasklist and Cockpit know one set of
 * users and groups. Groups become authorities under their own names. Camunda's check throttles and locks: after a
 * failed attempt the user is refused for {@code loginDelayBase} seconds, doubling with each further failure up to
 * {@code loginDelayMaxTime}, and locked after {@code loginMaxAttempts} until an administrator unlocks the account;
 * the answer is the same as for a wrong password, so it tells an attacker nothing. Accounts an administrator locked
 * are refused too.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final String BAD_CREDENTIALS = "用户名或密码错误";

    private final IdentityService identityService;
    private final AccountLocks locks;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, AccountLocks locks) {
        this.identityService = identityService;
        this.locks = locks;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null || userId.isBlank() || userId.length() > 64) {
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        String password = credentials.toString();
        if (!identityService.checkPassword(userId, password) || locks.isLocked(userId)) {
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        rehashOlderPassword(userId, password);
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /** A hash from before bcrypt (Camunda's salted SHA-512) is replaced the first time its password is known. */
    private void rehashOlderPassword(String userId, String password) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user != null && user.getPassword() != null
                && !user.getPassword().startsWith("{" + BcryptPasswordEncryptor.ALGORITHM + "}")) {
            user.setPassword(password);
            identityService.saveUser(user);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
