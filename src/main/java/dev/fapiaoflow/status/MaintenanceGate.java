package dev.fapiaoflow.status;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.fapiaoflow.shared.OverloadedException;
import dev.fapiaoflow.shared.Texts;

/**
 * During a maintenance window the public verification API answers 503 with Retry-After (the seconds until the window
 * ends), so that machines checking invoices wait instead of reading a wrong answer; ApiExceptionHandler writes it.
 */
@Configuration
class MaintenanceGate implements WebMvcConfigurer, HandlerInterceptor {

    /** absent in web slice tests (@WebMvcTest), which load configurers but not services: then there is no gate */
    private final ObjectProvider<MaintenanceWindows> windows;

    MaintenanceGate(ObjectProvider<MaintenanceWindows> windows) {
        this.windows = windows;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/verifications", "/api/verifications/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        MaintenanceWindows all = windows.getIfAvailable();
        if (all == null) {
            return true;
        }
        all.current().ifPresent(window -> {
            Duration left = all.timeLeft(window);
            throw new OverloadedException(Texts.of("maintenance.verification.unavailable", window.message()),
                    left.isNegative() ? Duration.ofSeconds(1) : left.plusSeconds(1));
        });
        return true;
    }
}
