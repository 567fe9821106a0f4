package dev.fapiaoflow.verification;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

import dev.fapiaoflow.security.CurrentUser;

/**
 * Who checks: {@code clientId} is what the rate limit and {@code verifiedCount} count ({@code user:<id>} when
 * logged in, else {@code ip:<remote address>}); {@code userId} is null for anonymous callers.
 */
public record Verifier(String clientId, String userId, boolean backOffice) {

    public static Verifier anonymous(String remoteAddress) {
        return new Verifier("ip:" + remoteAddress, null, false);
    }

    /** A logged-in user acting without a request, e.g. through a batch upload checked in the background. */
    public static Verifier user(String userId) {
        return new Verifier("user:" + userId, userId, false);
    }

    public static Verifier of(HttpServletRequest request, Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            // behind a proxy, server.forward-headers-strategy makes this the client's address, not the proxy's
            return anonymous(request.getRemoteAddr());
        }
        CurrentUser user = CurrentUser.of(authentication);
        return new Verifier("user:" + user.id(), user.id(), user.isBackOffice());
    }

    public boolean loggedIn() {
        return userId != null;
    }

    /** The owner and the back office see the buyer's name whole; everyone else sees it masked. */
    public boolean seesWholeBuyerOf(String owner) {
        return backOffice || (userId != null && userId.equals(owner));
    }
}
