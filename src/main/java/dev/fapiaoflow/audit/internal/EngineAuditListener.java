package dev.fapiaoflow.audit.internal;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.audit.AuditLog;

/**
 * The engine's state changes, from the history events the Camunda starter publishes: processes started and ended,
 * service steps done (issuing, voiding, red-letter, delivery, …), user tasks completed or deleted (in the app, in
 * Tasklist or over /engine-rest), incidents, and the user operations Camunda logs (claims, deployments, variable
 * changes, …) with the user who did them. Each entry commits with the engine's transaction.
 */
@Component
class EngineAuditListener {

    private static final Set<String> STEPS = Set.of("serviceTask", "sendTask", "businessRuleTask", "scriptTask");

    private final AuditLog audit;

    EngineAuditListener(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(HistoryEvent event) {
        if (event instanceof UserOperationLogEntryEventEntity operation) {
            audit.record(operation.getUserId(), "ENGINE " + operation.getOperationType(), operation.getEntityType(),
                    firstNonNull(operation.getTaskId(), operation.getProcessInstanceId(), operation.getDeploymentId(),
                            operation.getJobId(), operation.getProcessDefinitionKey()),
                    operation.getProperty() == null ? null : "property " + operation.getProperty());
        } else if (event instanceof HistoricTaskInstanceEventEntity task) {
            if ("complete".equals(task.getEventType()) || "delete".equals(task.getEventType())) {
                audit.record(audit.currentActor(), "TASK " + task.getEventType() + " " + task.getTaskDefinitionKey(), "task",
                        task.getTaskId(), "process " + task.getProcessDefinitionKey() + " " + task.getProcessInstanceId()
                                + ", assignee " + task.getAssignee());
            }
        } else if (event instanceof HistoricProcessInstanceEventEntity process) {
            if ("start".equals(process.getEventType()) || "end".equals(process.getEventType())) {
                audit.record(audit.currentActor(), "PROCESS " + process.getEventType() + " " + process.getProcessDefinitionKey(),
                        "process-instance", process.getProcessInstanceId(), "business key " + process.getBusinessKey()
                                + (process.getEndActivityId() == null ? "" : ", end " + process.getEndActivityId()));
            }
        } else if (event instanceof HistoricActivityInstanceEventEntity activity && !(event instanceof HistoricTaskInstanceEventEntity)) {
            if ("end".equals(activity.getEventType()) && STEPS.contains(activity.getActivityType())) {
                audit.record(audit.currentActor(), "STEP " + activity.getActivityId(), "process-instance",
                        activity.getProcessInstanceId(), "process " + activity.getProcessDefinitionKey());
            }
        } else if (event instanceof HistoricIncidentEventEntity incident) {
            audit.record(audit.currentActor(), "INCIDENT " + incident.getEventType(), "process-instance",
                    incident.getProcessInstanceId(), "activity " + incident.getActivityId() + ", " + incident.getIncidentType());
        }
    }

    @EventListener
    void on(PostDeployEvent deployed) {
        audit.record(AuditLog.SYSTEM, "DEPLOY", "process-engine", deployed.getProcessEngine().getName(),
                "models deployed at start-up (changed files only)");
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
