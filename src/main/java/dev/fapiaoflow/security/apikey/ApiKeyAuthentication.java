package dev.fapiaoflow.security.apikey;

import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A presented API key before it is checked, and the user it stands for after. The key never leaves this object. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String key;
    private final String userId;

    private ApiKeyAuthentication(String key, String userId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.key = key;
        this.userId = userId;
        setAuthenticated(userId != null);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication(key, null, List.of());
    }

    static ApiKeyAuthentication of(String userId, Collection<? extends GrantedAuthority> authorities) {
        return new ApiKeyAuthentication(null, userId, authorities);
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return userId;
    }

    @Override
    public String getName() {
        return userId;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthentication[user=" + userId + "]";
    }
}
