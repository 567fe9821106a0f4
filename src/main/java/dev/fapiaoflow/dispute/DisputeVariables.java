package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

import dev.fapiaoflow.dispute.DisputeProcess.Vars;

/** Typed reads of the dispute processes' variables; a missing or mistyped id is a modelling error and fails loudly. */
final class DisputeVariables {

    /** who completed the last user task of the dispute (the form's author), for history and messages */
    static final String DECIDED_BY = "decidedBy";

    private DisputeVariables() {
    }

    static long disputeId(VariableScope scope) {
        return id(scope, Vars.DISPUTE_ID);
    }

    static long id(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (!(value instanceof Long id)) {
            throw new IllegalStateException("variable " + name + " must be a Long, was " + value);
        }
        return id;
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static String decidedBy(DelegateExecution execution) {
        String actor = text(execution, DECIDED_BY);
        return actor == null ? "system" : actor;
    }

    /** the engine's authenticated user (REST, Tasklist, the app), else the assignee */
    static String currentUser(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() == null ? "system" : task.getAssignee();
    }
}
