package dev.fapiaoflow.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars;

/**
 * The four-eyes rule on SecondApproval: whoever approved ReviewSpecialVat may neither be assigned this task nor
 * complete it, and a completion by an unknown user is refused because the rule could not be checked. Throwing
 * rolls the claim or the completion back; the task stays open for someone else.
 */
public class FourEyesListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object firstApprover = task.getVariable(Vars.FIRST_APPROVER);
        String user = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : Deciders.currentUser(task);
        if (user == null) {
            if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                throw new ReviewRefused("the second approval needs a logged-in user (four-eyes rule)");
            }
            return; // unassigned again
        }
        if (user.equals(firstApprover)) {
            throw new ReviewRefused("four-eyes rule: " + user + " already approved this request as first reviewer");
        }
    }
}
