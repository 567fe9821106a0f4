package dev.fapiaoflow.audit.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.fapiaoflow.audit.AuditLog;

@Configuration
class AuditWebConfig implements WebMvcConfigurer {

    private final AuditLog audit;

    AuditWebConfig(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HttpAuditInterceptor(audit));
    }
}
