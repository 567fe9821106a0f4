package dev.fapiaoflow.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.audit.AuditLog;

/**
 * Logins at the login page, and failed authentications of any kind (page, Basic, API key). A successful Basic
 * authentication happens on every API call and is not an event worth a line of its own; what the call changed is.
 */
@Component
class LoginAuditListener {

    private final AuditLog audit;

    LoginAuditListener(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent login) {
        audit.record(login.getAuthentication().getName(), "LOGIN", "user", login.getAuthentication().getName(), null);
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        // the name someone typed: kept short, it may be garbage
        String name = String.valueOf(failure.getAuthentication().getName());
        audit.record("anonymous", "LOGIN FAILED", "user", name.length() > 64 ? name.substring(0, 64) : name,
                failure.getException().getClass().getSimpleName());
    }
}
