package dev.fapiaoflow.review;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

import dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements;
import dev.fapiaoflow.shared.Groups;

/**
 * HandToManagers, after the review has waited too long: finance managers become candidates of the open review
 * task too. The reviewers keep it; whoever is first decides. Engine API only, so it runs on the plain test engine.
 */
public class HandReviewToManagers implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        Task review = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(Elements.REVIEW_SPECIAL_VAT).singleResult();
        if (review != null) {
            tasks.addCandidateGroup(review.getId(), Groups.FINANCE_MANAGER);
        }
    }
}
