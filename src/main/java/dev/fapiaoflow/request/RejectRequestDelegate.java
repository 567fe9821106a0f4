package dev.fapiaoflow.request;

import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import dev.fapiaoflow.shared.Texts;

/** Ends a request as REJECTED with the reason the customer will read; frees its orders. */
@Component("rejectRequestDelegate")
class RejectRequestDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;

    RejectRequestDelegate(RequestLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = (Long) execution.getVariable(Vars.REQUEST_ID);
        Object reason = execution.getVariable(Vars.REJECTION_REASON);
        lifecycle.reject(requestId, reason == null || reason.toString().isBlank() ? Texts.inProductLanguage("request.rejected.default") : reason.toString());
    }
}
