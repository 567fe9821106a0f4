package dev.fapiaoflow.security.apikey;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import dev.fapiaoflow.shared.Texts;

/**
 * An API key authenticates as its user, with the user's current groups from Camunda's identity store (as a password
 * login would); unknown, revoked, or of a user since deleted: bad credentials.
 */
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys keys;
    private final IdentityService identityService;

    public ApiKeyAuthenticationProvider(ApiKeys keys, IdentityService identityService) {
        this.keys = keys;
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = keys.userOf((String) authentication.getCredentials())
                .filter(user -> identityService.createUserQuery().userId(user).count() == 1)
                .orElseThrow(() -> new BadCredentialsException(Texts.of("apiKey.invalid")));
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return ApiKeyAuthentication.of(userId, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
