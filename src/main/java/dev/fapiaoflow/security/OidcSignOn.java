package dev.fapiaoflow.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import dev.fapiaoflow.shared.CustomerDirectory;
import dev.fapiaoflow.shared.Groups;

/**
 * Single sign-on with the school's OpenID Connect provider, switched on by Spring Boot's own settings: a client
 * registration ({@code spring.security.oauth2.client.registration.*} with its provider's {@code issuer-uri}) makes the
 * portal, the webapps and Camunda's pages sign people in at the provider; {@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri} makes {@code /api} and {@code /engine-rest} accept the provider's
 * bearer tokens (people's, or a machine's from the client-credentials grant). Without them nothing here is used and the
 * form login against Camunda's identity store is the only door. Who is who: {@link OidcClaims}; their account in
 * Camunda's store: {@link OidcAccounts}.
 */
@Configuration
@EnableConfigurationProperties(OidcProperties.class)
class OidcSignOn {

    @Bean
    OidcClaims oidcClaims(OidcProperties properties) {
        return new OidcClaims(properties, CamundaAccessSetup.GROUP_NAMES.keySet());
    }

    @Bean
    OidcAccounts oidcAccounts(IdentityService identityService, AccountLocks locks, OidcProperties properties, Clock clock) {
        return new OidcAccounts(identityService, locks, CamundaAccessSetup.GROUP_NAMES.keySet(), properties, clock);
    }

    /**
     * With sign-on, the shop may push orders for a learner who has not signed in yet: the provider knows the name, and
     * the first sign-in creates the account that finds them. A name that is already an account here must be a customer.
     */
    @Bean
    CustomerDirectory customerDirectory(IdentityService identityService,
            ObjectProvider<ClientRegistrationRepository> signOn) {
        return name -> {
            if (identityService.createUserQuery().userId(name).count() > 0) {
                return identityService.createUserQuery().userId(name).memberOfGroup(Groups.CUSTOMER).count() > 0;
            }
            return signOn.getIfAvailable() != null && OidcClaims.USER_ID.matcher(name).matches();
        };
    }

    /** The one provider people are sent to when they need to sign in, or null without sign-on. */
    static String signOnEntry(ObjectProvider<ClientRegistrationRepository> registrations) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (!(repository instanceof InMemoryClientRegistrationRepository inMemory)) {
            return null;
        }
        List<ClientRegistration> all = new java.util.ArrayList<>();
        inMemory.forEach(all::add);
        if (all.size() != 1) {
            throw new IllegalStateException("FapiaoFlow signs people in with exactly one OpenID Connect provider; "
                    + all.size() + " client registrations are configured");
        }
        return "/oauth2/authorization/" + all.get(0).getRegistrationId();
    }

    static boolean acceptsBearerTokens(ObjectProvider<JwtDecoder> decoders) {
        return decoders.getIfAvailable() != null;
    }

    /** A person signing in through the browser: their account here is made to match the provider's token. */
    static final class LoginUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

        private final OidcUserService delegate = new OidcUserService();
        private final OidcClaims claims;
        private final OidcAccounts accounts;
        private final String usernameClaim;

        LoginUsers(OidcClaims claims, OidcAccounts accounts, OidcProperties properties) {
            this.claims = claims;
            this.accounts = accounts;
            this.usernameClaim = properties.usernameClaim();
        }

        @Override
        public OidcUser loadUser(OidcUserRequest request) {
            OidcUser user = delegate.loadUser(request);
            Map<String, Object> all = user.getClaims();
            String userId = claims.username(all).orElseThrow(() -> new OAuth2AuthenticationException(
                    new OAuth2Error("invalid_token", "the ID token has no usable " + usernameClaim + " claim", null)));
            List<String> groups = claims.groups(all);
            try {
                accounts.signedIn(userId, groups, all);
            } catch (org.springframework.security.authentication.LockedException locked) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", locked.getMessage(), null));
            }
            return new DefaultOidcUser(authorities(groups), user.getIdToken(), user.getUserInfo(), usernameClaim);
        }
    }

    /** A bearer token on {@code /api} or {@code /engine-rest}: the same claims, the same account. */
    static final class BearerTokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {

        private final OidcClaims claims;
        private final OidcAccounts accounts;
        private final String usernameClaim;

        BearerTokenUsers(OidcClaims claims, OidcAccounts accounts, OidcProperties properties) {
            this.claims = claims;
            this.accounts = accounts;
            this.usernameClaim = properties.usernameClaim();
        }

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Map<String, Object> all = jwt.getClaims();
            String userId = claims.username(all).orElseThrow(() ->
                    new InvalidBearerTokenException("the token has no usable " + usernameClaim + " claim"));
            List<String> groups = claims.groups(all);
            accounts.calledWithToken(userId, groups, all);
            return new JwtAuthenticationToken(jwt, authorities(groups), userId);
        }
    }

    @Bean
    LoginUsers oidcLoginUsers(OidcClaims claims, OidcAccounts accounts, OidcProperties properties) {
        return new LoginUsers(claims, accounts, properties);
    }

    @Bean
    BearerTokenUsers bearerTokenUsers(OidcClaims claims, OidcAccounts accounts, OidcProperties properties) {
        return new BearerTokenUsers(claims, accounts, properties);
    }

    private static List<GrantedAuthority> authorities(List<String> groups) {
        return groups.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }
}
