package dev.fapiaoflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import dev.fapiaoflow.security.apikey.ApiKeyAuthenticationFilter;
import dev.fapiaoflow.security.apikey.ApiKeyAuthenticationProvider;
import dev.fapiaoflow.security.apikey.ApiKeys;

/**
 * Three doors: the JSON API (HTTP Basic or the portal's session; an API key on the verification API), the portal
 * pages (form login), and Camunda's own webapps and REST API, which authenticate against the same identity store
 * themselves and apply Camunda's authorizations.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
        // Camunda's webapps bring their own login and CSRF protection; the REST API is guarded below.
        // path-pattern matchers: these paths belong to Camunda's servlets, which Spring MVC's matcher cannot see
        return http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys apiKeys, IdentityService identityService) throws Exception {
        // enterprise verifiers may call the verification API with a key instead of a password; nothing else
        ApiKeyAuthenticationFilter apiKeyFilter = new ApiKeyAuthenticationFilter(
                new ApiKeyAuthenticationProvider(apiKeys, identityService),
                new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/verifications"),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/verifications/**")));
        return http.securityMatcher("/api/**", "/v3/api-docs/**")
                .addFilterBefore(apiKeyFilter, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**").permitAll()
                        // verification (验票) is for anyone; the service limits each client's rate
                        .requestMatchers(HttpMethod.POST, "/api/verifications").permitAll()
                        .requestMatchers("/api/orders/**").hasAnyAuthority(Groups.SHOP, Groups.CUSTOMER)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(new BasicEntryPoint()))
                // Only a session cookie can be forged by another site: Basic-auth, API-key and cookieless calls need no token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        || ApiKeyAuthenticationFilter.presentsKey(request) || request.getRequestedSessionId() == null))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new BasicEntryPoint(), request -> true))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/swagger-ui.html", "/swagger-ui/**", "/actuator/health", "/verify").permitAll()
                        // probes for load balancers and orchestrators; details of health and all metrics for admin only
                        .requestMatchers("/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Groups.ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    /** Camunda's REST API authenticates against the engine's identity service, as Camunda Modeler expects. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>();
        registration.setName("camunda-rest-auth");
        registration.setFilter(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
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
