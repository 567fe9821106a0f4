package dev.fapiaoflow.review;

import java.util.Comparator;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;

import dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements;

/**
 * The four-eyes rule on SecondApproval: whoever approved ReviewSpecialVat may neither be assigned this task nor
 * complete it, and a completion by an unknown user is refused because the rule could not be checked. Throwing
 * rolls the claim or the completion back; the task stays open for someone else.
 * <p>
 * The first approver is taken from the engine's history, never from a variable (which a process variable edit could
 * forge): the user the engine logged completing the last ReviewSpecialVat of this process instance, else that task's
 * assignee. If neither is known the rule cannot be checked, and the second approval is refused.
 */
public class FourEyesListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String user = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : Deciders.currentUser(task);
        if (user == null) {
            if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                throw new ReviewRefused("the second approval needs a logged-in user (four-eyes rule)");
            }
            return; // unassigned again
        }
        // the history is the policy's to read, whatever the deciding user may see
        Optional<String> firstApprover = Context.getCommandContext()
                .runWithoutAuthorization(() -> firstApprover(task.getProcessEngineServices().getHistoryService(),
                        task.getProcessInstanceId()));
        if (firstApprover.isEmpty()) {
            throw new ReviewRefused("four-eyes rule: the first approval of this request has no known approver");
        }
        if (user.equals(firstApprover.get())) {
            throw new ReviewRefused("four-eyes rule: " + user + " already approved this request as first reviewer");
        }
    }

    /** who completed the review that led here: the last finished ReviewSpecialVat of the process instance */
    static Optional<String> firstApprover(HistoryService history, String processInstanceId) {
        Optional<HistoricTaskInstance> review = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(Elements.REVIEW_SPECIAL_VAT).finished().list().stream()
                .max(Comparator.comparing(HistoricTaskInstance::getEndTime).thenComparing(HistoricTaskInstance::getId));
        if (review.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> completedBy = history.createUserOperationLogQuery().taskId(review.get().getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(java.util.Objects::nonNull).findFirst();
        return completedBy.or(() -> Optional.ofNullable(review.get().getAssignee()));
    }
}
