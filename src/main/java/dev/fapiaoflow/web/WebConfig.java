package dev.fapiaoflow.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.WebUtils;

import dev.fapiaoflow.shared.Texts;

/**
 * One language per answer. The JSON API follows {@code Accept-Language} (zh-CN when absent or neither Chinese nor
 * English), unless the caller chose a language explicitly ({@code ?lang=}, or the pages' language cookie, which our
 * own pages' scripts send with their /api calls so that a Chinese page never shows English errors). Pages speak Simplified Chinese, the product's language, unless the user picks English
 * ({@code ?lang=en}, remembered in a cookie): a browser's Accept-Language is not taken as that choice, because most
 * of our customers' browsers and office PCs say en-US while they read Chinese invoices.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver pages = new CookieLocaleResolver(ApiOrPageLocaleResolver.COOKIE);
        pages.setDefaultLocale(Texts.DEFAULT_LOCALE);
        AcceptHeaderLocaleResolver api = new AcceptHeaderLocaleResolver();
        api.setSupportedLocales(List.of(Texts.DEFAULT_LOCALE, Locale.ENGLISH));
        api.setDefaultLocale(Texts.DEFAULT_LOCALE);
        return new ApiOrPageLocaleResolver(api, pages);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor);
    }

    private record ApiOrPageLocaleResolver(LocaleResolver api, LocaleResolver pages) implements LocaleResolver {

        private static final String COOKIE = "fapiaoflow-lang";

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return choose(request).resolveLocale(request);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            // a choice is always remembered the pages' way: the Accept-Language resolver cannot store one
            pages.setLocale(request, response, locale);
        }

        private LocaleResolver choose(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean chosen = WebUtils.getCookie(request, COOKIE) != null
                    || request.getAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME) != null;
            return path.startsWith("/api/") && !chosen ? api : pages;
        }
    }
}
