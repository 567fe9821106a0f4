package dev.fapiaoflow.security;

import dev.fapiaoflow.shared.Groups;
import java.util.Collection;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.fapiaoflow.security.apikey.ApiKeyAuthenticationFilter;
import dev.fapiaoflow.security.apikey.ApiKeyAuthenticationProvider;
import dev.fapiaoflow.security.apikey.ApiKeys;

/**
 * One login for every door. Spring Security authenticates everyone against Camunda's identity store (form login
 * with a session, or HTTP Basic; an API key on the verification API); Camunda's webapps ({@code /camunda}) and REST
 * API ({@code /engine-rest}) take the user Spring Security authenticated (container-based authentication,
 * {@link SpringSecurityCamundaAuthentication}) and apply Camunda's authorizations on top. Every path has a rule
 * here or a {@code @PreAuthorize} on its controller; {@code EndpointAuthorizationMatrixTest} holds the table of
 * who gets through where.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    /** Pages' policy. Inline scripts and styles stay allowed: several pages carry small ones (FreeMarker escapes output). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebappChain(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> signOn)
            throws Exception {
        RequestMatcher webappApi = path("/camunda/api/**");
        String signInAt = signInPage(signOn);
        return http.securityMatcher(path("/camunda/**"))
                .authorizeHttpRequests(auth -> auth
                        // one login: Camunda's own login form and its login call are not a second door
                        .requestMatchers(path("/camunda/api/admin/auth/user/*/login/**")).denyAll()
                        // Camunda's password check for anyone's account would bypass the login throttle
                        .requestMatchers(path("/camunda/api/engine/engine/*/identity/verify/**")).denyAll()
                        .anyRequest().hasAnyAuthority(Groups.CAMUNDA_USERS.toArray(String[]::new)))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new BasicEntryPoint(), webappApi)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(signInAt), request -> true))
                // Camunda's webapps bring their own CSRF protection (CsrfPreventionFilter) and Content-Security-Policy
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRestChain(HttpSecurity http, ObjectProvider<JwtDecoder> bearerTokens,
            OidcSignOn.BearerTokenUsers tokenUsers) throws Exception {
        acceptBearerTokens(http, bearerTokens, tokenUsers);
        return http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth
                        // "is this someone's password?" for any account, unthrottled: a guessing oracle for staff
                        .requestMatchers(path("/engine-rest/identity/verify/**"), path("/engine-rest/engine/*/identity/verify/**"))
                        .denyAll()
                        .anyRequest().hasAnyAuthority(Groups.CAMUNDA_USERS.toArray(String[]::new)))
                .httpBasic(basic -> basic.authenticationEntryPoint(new BasicEntryPoint()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new BasicEntryPoint(), request -> true)
                        .accessDeniedHandler(SecurityConfig::refuseLikeCamunda))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::cannotBeForged))
                .headers(SecurityConfig::apiHeaders)
                .build();
    }

    /**
     * 403 in Camunda REST's own error format, written at once: forwarding to /error would make Spring MVC parse a
     * refused deployment upload (multipart) and answer 400 for it.
     */
    private static void refuseLikeCamunda(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException denied) throws java.io.IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType("application/json");
        response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"not allowed to use the engine's REST API\"}");
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys apiKeys, IdentityService identityService,
            ObjectProvider<JwtDecoder> bearerTokens, OidcSignOn.BearerTokenUsers tokenUsers) throws Exception {
        acceptBearerTokens(http, bearerTokens, tokenUsers);
        // enterprise verifiers may call the verification API with a key instead of a password; nothing else
        ApiKeyAuthenticationFilter apiKeyFilter = new ApiKeyAuthenticationFilter(
                new ApiKeyAuthenticationProvider(apiKeys, identityService),
                new OrRequestMatcher(path("/api/verifications"), path("/api/verifications/**")));
        return http.securityMatcher("/api/**", "/v3/api-docs/**")
                .addFilterBefore(apiKeyFilter, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**").permitAll()
                        // verification (验票) is for anyone; the service limits each client's rate
                        .requestMatchers(HttpMethod.POST, "/api/verifications").permitAll()
                        // an uploaded invoice PDF or OFD, likewise for anyone and rate-limited alike
                        .requestMatchers(HttpMethod.POST, "/api/verifications/document").permitAll()
                        // the e-invoice platform's callback carries no user: its HMAC signature is checked instead
                        .requestMatchers(HttpMethod.POST, "/api/platform/callback").permitAll()
                        // announced maintenance is public, like the status page (dev.fapiaoflow.status)
                        .requestMatchers(HttpMethod.GET, "/api/maintenance-windows").permitAll()
                        // the shop's integration pushes orders and does nothing else
                        .requestMatchers(HttpMethod.POST, "/api/orders").hasAuthority(Groups.SHOP)
                        .requestMatchers("/api/orders/**").hasAuthority(Groups.CUSTOMER)
                        .requestMatchers("/api/admin/**").hasAuthority(Groups.ADMIN)
                        // refused before content negotiation, so an upload endpoint answers 403 rather than 415
                        .requestMatchers("/api/models/**").hasAnyAuthority(Groups.PROCESS_OWNER, Groups.ADMIN)
                        .anyRequest().access(PERSON))
                .httpBasic(basic -> basic.authenticationEntryPoint(new BasicEntryPoint()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::cannotBeForged))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new BasicEntryPoint(), request -> true))
                .headers(SecurityConfig::apiHeaders)
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain portalChain(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> signOn,
            OidcSignOn.LoginUsers loginUsers) throws Exception {
        String signInAt = signInPage(signOn);
        if (!signInAt.equals("/login")) {
            // the school's provider signs people in; /login stays for accounts kept here (the initial administrator)
            ClientRegistrationRepository registrations = signOn.getObject();
            OidcClientInitiatedLogoutSuccessHandler endAtProvider = new OidcClientInitiatedLogoutSuccessHandler(registrations);
            endAtProvider.setPostLogoutRedirectUri("{baseUrl}/login?logout");
            // PKCE (S256) on every authorization request, as OAuth 2.1 asks and Keycloak's client can demand
            DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(
                    registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
            withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(login -> login.loginPage(signInAt).failureUrl("/login?error")
                            .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
                            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(loginUsers))
                            .defaultSuccessUrl("/", false))
                    .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(signInAt)))
                    .logout(logout -> logout.logoutSuccessHandler(endAtProvider));
        } else {
            http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        }
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs.yaml", "/actuator/health",
                                "/verify/document",
                                // the public verification key and certificate (signed documents, offline checks)
                                "/.well-known/**")
                        .permitAll()
                        // probes for load balancers and orchestrators; details of health and all metrics for admin only
                        .requestMatchers("/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasAuthority(Groups.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/verify").permitAll()
                        .requestMatchers(HttpMethod.POST, "/verify").permitAll()
                        // 系统状态: why something does not work, before anyone logs in
                        .requestMatchers(HttpMethod.GET, "/status").permitAll()
                        .requestMatchers("/admin/**").hasAuthority(Groups.ADMIN)
                        // where a login lands: it sends every account, the shop's too, to a page it may open
                        .requestMatchers(HttpMethod.GET, "/").authenticated()
                        .anyRequest().access(PERSON))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .httpBasic(basic -> { })
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::sameOrigin)
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** where someone who is not signed in is sent: the identity provider with sign-on, else the login form */
    private static String signInPage(ObjectProvider<ClientRegistrationRepository> signOn) {
        String provider = OidcSignOn.signOnEntry(signOn);
        return provider == null ? "/login" : provider;
    }

    /** the identity provider's tokens, besides Basic (and API keys), when a resource-server issuer is configured */
    private static void acceptBearerTokens(HttpSecurity http, ObjectProvider<JwtDecoder> bearerTokens,
            OidcSignOn.BearerTokenUsers tokenUsers) throws Exception {
        if (OidcSignOn.acceptsBearerTokens(bearerTokens)) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(bearerTokens.getObject())
                    .jwtAuthenticationConverter(tokenUsers)));
        }
    }

    /** Whoever Spring Security let in is Camunda's user in Tasklist, Cockpit and Admin. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>();
        registration.setName("camunda-webapp-container-auth");
        registration.setFilter(new ContainerBasedAuthenticationFilter());
        registration.addInitParameter("authentication-provider", SpringSecurityCamundaAuthentication.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        // after Spring Security's filter (the user is known), before Camunda's own webapp filters (they read the session)
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Camunda's REST API runs as the user Spring Security authenticated (Basic, as Camunda Modeler sends, or the session). */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>();
        registration.setName("camunda-rest-auth");
        registration.setFilter(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", SpringSecurityCamundaAuthentication.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Logged in as a person: the shop's integration account may push orders only (its own rule above), so it is
     * refused everywhere else.
     */
    private static final AuthorizationManager<RequestAuthorizationContext> PERSON = SecurityConfig::person;

    private static AuthorizationDecision person(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication user = authentication.get();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        Collection<? extends GrantedAuthority> authorities = user.getAuthorities();
        boolean shopOnly = !authorities.isEmpty()
                && authorities.stream().allMatch(authority -> Groups.SHOP.equals(authority.getAuthority()));
        return new AuthorizationDecision(!shopOnly);
    }

    /** Only a session cookie can be forged by another site: Basic-auth, API-key and cookieless calls need no token. */
    private static boolean cannotBeForged(HttpServletRequest request) {
        return request.getHeader("Authorization") != null || ApiKeyAuthenticationFilter.presentsKey(request)
                || request.getRequestedSessionId() == null;
    }

    private static void apiHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }

    private static RequestMatcher path(String pattern) {
        // path-pattern matchers: /camunda and /engine-rest belong to Camunda's servlets, which Spring MVC's matcher cannot see
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /** 401 with a Basic challenge, without redirecting API clients to the login page. */
    private static final class BasicEntryPoint implements AuthenticationEntryPoint {
        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"fapiaoflow\"");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        }
    }
}
