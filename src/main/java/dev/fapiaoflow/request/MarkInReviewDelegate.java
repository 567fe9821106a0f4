package dev.fapiaoflow.request;

import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer sees IN_REVIEW while a finance reviewer has the request. */
@Component("markInReviewDelegate")
class MarkInReviewDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;

    MarkInReviewDelegate(RequestLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.markInReview((Long) execution.getVariable(Vars.REQUEST_ID));
    }
}
