package dev.fapiaoflow.dispute;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.dispute.DisputeProcess.Actions;
import dev.fapiaoflow.dispute.DisputeProcess.Elements;
import dev.fapiaoflow.dispute.DisputeProcess.Vars;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.taskform.VariableWriteRefused;
import dev.fapiaoflow.shared.Texts;

/**
 * The workbench's "resolve" button: completes the dispute's open ResolveDispute task (customer service) or
 * ResolveEscalatedDispute task (a finance manager) as the user, with the same variables the Camunda Form sets.
 */
@Component
class DisputeResolution {

    static final Set<String> SERVICE_ACTIONS = Set.of(Actions.RESEND, Actions.CORRECT, Actions.REJECT, Actions.ESCALATE);
    static final Set<String> MANAGER_ACTIONS = Set.of(Actions.RESEND, Actions.CORRECT, Actions.REJECT);

    private final DisputeDesk disputes;
    private final TaskService tasks;
    private final IdentityService identity;

    DisputeResolution(DisputeDesk disputes, TaskService tasks, IdentityService identity) {
        this.disputes = disputes;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** the process refused the completion (a step or the task form policy said no): a 400 naming the field, else the engine's error */
    private static RuntimeException refusal(ProcessEngineException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DisputeStepRefused refused) {
                return new InvalidInputException("action", refused.getMessage());
            }
            if (cause instanceof VariableWriteRefused refused) { // e.g. a comment longer than the form allows
                return new InvalidInputException(refused.variable(), refused.getMessage());
            }
        }
        return e;
    }

    void resolve(CurrentUser user, long disputeId, String action, String comment) {
        String processInstance = disputes.processInstanceOf(user, disputeId);
        boolean manager = user.groups().contains(Groups.FINANCE_MANAGER);
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstance).active().list().stream()
                .filter(task -> Elements.RESOLVE_DISPUTE.equals(task.getTaskDefinitionKey())
                        && user.groups().contains(Groups.CUSTOMER_SERVICE)
                        || Elements.RESOLVE_ESCALATED_DISPUTE.equals(task.getTaskDefinitionKey()) && manager)
                .toList();
        if (open.isEmpty()) {
            throw new ConflictException(Texts.of("dispute.noTaskForYou", disputeId));
        }
        Task task = open.get(0);
        Set<String> allowed = Elements.RESOLVE_DISPUTE.equals(task.getTaskDefinitionKey()) ? SERVICE_ACTIONS : MANAGER_ACTIONS;
        if (action == null || !allowed.contains(action)) {
            throw new InvalidInputException(List.of(new FieldError("action", Texts.of("dispute.action.required", String.join(" | ", allowed)))));
        }
        if (Actions.REJECT.equals(action) && (comment == null || comment.isBlank())) {
            throw new InvalidInputException("comment", Texts.of("dispute.rejectReason.required"));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.ACTION, action);
        variables.put(Vars.COMMENT, comment == null ? null : comment.strip());
        identity.setAuthentication(user.id(), List.copyOf(user.groups()));
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), user.id());
            }
            tasks.complete(task.getId(), variables);
        } catch (ProcessEngineException refused) {
            throw refusal(refused);
        } finally {
            identity.clearAuthentication();
        }
    }
}
