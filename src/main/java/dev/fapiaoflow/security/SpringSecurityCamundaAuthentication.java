package dev.fapiaoflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Camunda's container-based authentication, with Spring Security as the container: whoever Spring Security
 * authenticated (portal session or HTTP Basic) is the Camunda user, for the webapps ({@code
 * ContainerBasedAuthenticationFilter}) and {@code /engine-rest} ({@code ProcessEngineAuthenticationFilter}).
 * Camunda reads the user's groups from its identity store, the same store the login checked.
 * Instantiated by Camunda's filters by class name, hence public with a no-argument constructor.
 */
public class SpringSecurityCamundaAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        // groups and tenants null: Camunda looks them up for the user, as for its own login
        return AuthenticationResult.successful(authentication.getName());
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"fapiaoflow\"");
    }
}
