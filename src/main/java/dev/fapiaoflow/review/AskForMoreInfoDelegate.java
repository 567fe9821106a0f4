package dev.fapiaoflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars;

/** AskForMoreInfo: NEEDS_INFO, and the customer is mailed the reviewer's comment (what to supply). */
@Component("askForMoreInfoDelegate")
class AskForMoreInfoDelegate implements JavaDelegate {

    private final ReviewService review;

    AskForMoreInfoDelegate(ReviewService review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        review.askForMoreInfo((Long) execution.getVariable(Vars.REQUEST_ID), (String) execution.getVariable(Vars.COMMENT));
    }
}
