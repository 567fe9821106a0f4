package dev.fapiaoflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars;

/** NotifyRejection / NotifyCancellation: the task's {@code notice} input says which mail the customer gets. */
@Component("customerNoticeDelegate")
class CustomerNoticeDelegate implements JavaDelegate {

    private final ReviewService review;

    CustomerNoticeDelegate(ReviewService review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        review.notifyCustomer((Long) execution.getVariable(Vars.REQUEST_ID), (String) execution.getVariable(Vars.NOTICE),
                (String) execution.getVariable(Vars.COMMENT));
    }
}
