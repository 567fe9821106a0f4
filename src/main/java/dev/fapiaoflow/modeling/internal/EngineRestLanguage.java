package dev.fapiaoflow.modeling.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import dev.fapiaoflow.shared.Texts;

/**
 * The language of Camunda's REST API ({@code /engine-rest}, where Camunda Modeler deploys): Accept-Language, zh-CN
 * when absent or neither Chinese nor English, as on {@code /api}. The engine's servlet is no Spring MVC handler, so
 * the application's LocaleResolver never sees its requests, and Spring's request filter alone would give the
 * server's default locale to a request without the header. The model checks' refusals (422) are worded in it.
 */
@Component
@Order(0) // after Spring's RequestContextFilter (-105), which it overrides for these requests
class EngineRestLanguage extends OncePerRequestFilter {

    private final AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();

    EngineRestLanguage() {
        resolver.setSupportedLocales(List.of(Texts.DEFAULT_LOCALE, Locale.ENGLISH));
        resolver.setDefaultLocale(Texts.DEFAULT_LOCALE);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(resolver.resolveLocale(request));
        try {
            chain.doFilter(request, response);
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }
}
