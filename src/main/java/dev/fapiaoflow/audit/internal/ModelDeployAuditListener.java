package dev.fapiaoflow.audit.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.audit.AuditLog;
import dev.fapiaoflow.modeling.ModelDeployed;

/** A process owner's deployment from the browser (new version, rollback, Flowable import), with its comment. */
@Component
class ModelDeployAuditListener {

    private final AuditLog audit;

    ModelDeployAuditListener(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(ModelDeployed deployed) {
        audit.record(deployed.author(), "MODEL " + deployed.action(), "deployment", deployed.deploymentId(),
                deployed.resourceName() + " " + String.join(",", deployed.definitions()) + ": " + deployed.comment());
    }
}
