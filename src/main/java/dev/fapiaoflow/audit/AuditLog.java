package dev.fapiaoflow.audit;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.fapiaoflow.audit.internal.AuditStore;
import dev.fapiaoflow.shared.BeforeCommit;

/**
 * Records what happened. Inside a read-write transaction the entries are appended just before it commits, in the
 * same transaction (recorded exactly when the change is, and the chain's lock is held only for the commit); otherwise
 * at once in a transaction of their own. The actor is the logged-in user (Spring Security, else the engine's current
 * authentication), else {@code system}; the remote address is that of the current HTTP request, if any.
 */
@Component
public class AuditLog {

    public static final String SYSTEM = "system";

    private final AuditStore store;
    private final IdentityService identity;

    AuditLog(AuditStore store, IdentityService identity) {
        this.store = store;
        this.identity = identity;
    }

    public void record(String action, String objectType, String objectId, String details) {
        record(currentActor(), action, objectType, objectId, details);
    }

    public void record(String actor, String action, String objectType, String objectId, String details) {
        AuditStore.Draft draft = new AuditStore.Draft(actor == null ? SYSTEM : actor, action, objectType, objectId,
                remoteAddress(), details);
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            BeforeCommit.add(this, draft, store::appendInCurrentTransaction);
        } else {
            store.appendAlone(List.of(draft));
        }
    }

    public String currentActor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)) {
            return authentication.getName();
        }
        Authentication engineUser = identity.getCurrentAuthentication();
        if (engineUser != null && engineUser.getUserId() != null) {
            return engineUser.getUserId();
        }
        return authentication instanceof AnonymousAuthenticationToken ? "anonymous" : SYSTEM;
    }

    static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
