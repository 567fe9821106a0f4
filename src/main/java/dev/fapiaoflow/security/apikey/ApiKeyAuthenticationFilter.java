package dev.fapiaoflow.security.apikey;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Reads an API key from {@code X-Api-Key} or {@code Authorization: Bearer} on the requests it is given (the
 * verification API) and authenticates it; a request without one passes on untouched (to HTTP Basic, the session or
 * anonymous), a key that is not valid ends it with 401. Nothing is kept in a session: each call brings its key.
 */
public final class ApiKeyAuthenticationFilter extends AuthenticationFilter {

    public static final String HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";

    public ApiKeyAuthenticationFilter(ApiKeyAuthenticationProvider provider, RequestMatcher requests) {
        super(new ProviderManager(provider), new KeyConverter());
        setRequestMatcher(requests);
        setSuccessHandler((request, response, authentication) -> { });
        setFailureHandler(new AuthenticationEntryPointFailureHandler((request, response, e) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fapiaoflow\", error=\"invalid_token\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write("""
                    {"type":"about:blank","title":"Unauthorized","status":401,"detail":"API key unknown or revoked"}"""
                    .getBytes(StandardCharsets.UTF_8));
        }));
    }

    /** True when the request presents an API key (the API chain's CSRF rule lets such calls through). */
    public static boolean presentsKey(HttpServletRequest request) {
        return new KeyConverter().keyOf(request) != null;
    }

    private static final class KeyConverter implements AuthenticationConverter {

        @Override
        public ApiKeyAuthentication convert(HttpServletRequest request) {
            String key = keyOf(request);
            return key == null ? null : ApiKeyAuthentication.presented(key);
        }

        String keyOf(HttpServletRequest request) {
            String header = request.getHeader(HEADER);
            if (header != null) {
                return header.strip();
            }
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return authorization.substring(BEARER.length()).strip();
            }
            return null;
        }
    }
}
