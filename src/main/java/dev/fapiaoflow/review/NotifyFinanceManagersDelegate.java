package dev.fapiaoflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars;

/** NotifyManagers: the escalation mail to the finance managers' group address. */
@Component("notifyFinanceManagersDelegate")
class NotifyFinanceManagersDelegate implements JavaDelegate {

    private final ReviewService review;

    NotifyFinanceManagersDelegate(ReviewService review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        review.notifyManagers((Long) execution.getVariable(Vars.REQUEST_ID));
    }
}
