package dev.fapiaoflow.review;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;

import dev.fapiaoflow.review.SpecialVatApprovalProcess.Decisions;
import dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements;
import dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars;

/**
 * On completing a review task: refuses a decision the task does not offer and a reject or more-info without a
 * comment (the form says so too, but the REST API and Tasklist's generic form do not run it), so the task stays
 * open. An approval of ReviewSpecialVat records who approved, for the second approval's form to show; the four-eyes
 * rule itself reads the approver from the engine's history ({@link FourEyesListener}).
 */
public class ReviewDecisionListener implements TaskListener {

    /** comma-separated decision values the task offers; injected from the model's camunda:field */
    private Expression allowedDecisions;

    public void setAllowedDecisions(Expression allowedDecisions) {
        this.allowedDecisions = allowedDecisions;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> allowed = Arrays.asList(String.valueOf(allowedDecisions.getValue(task)).split(","));
        Object decision = task.getVariable(Vars.DECISION);
        if (!allowed.contains(String.valueOf(decision))) {
            throw new ReviewRefused(Vars.DECISION + " must be one of " + allowed + ", was " + decision);
        }
        Object comment = task.getVariable(Vars.COMMENT);
        boolean needsComment = Decisions.REJECT.equals(decision) || Decisions.MORE_INFO.equals(decision);
        if (needsComment && (comment == null || comment.toString().isBlank())) {
            throw new ReviewRefused(Vars.COMMENT + " is required for " + decision + ": the customer reads it");
        }
        if (Decisions.APPROVE.equals(decision) && Elements.REVIEW_SPECIAL_VAT.equals(task.getTaskDefinitionKey())) {
            task.getExecution().setVariable(Vars.FIRST_APPROVER, Deciders.currentUser(task));
        }
    }
}
