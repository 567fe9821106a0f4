package dev.fapiaoflow.request;

import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import dev.fapiaoflow.shared.Texts;

/** CancelRequest: the approval ended without the customer's supplement; CANCELLED with the reason, orders freed. */
@Component("cancelRequestDelegate")
class CancelRequestDelegate implements JavaDelegate {

    private final RequestLifecycle lifecycle;

    CancelRequestDelegate(RequestLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(Vars.REJECTION_REASON);
        lifecycle.cancel((Long) execution.getVariable(Vars.REQUEST_ID),
                reason == null ? Texts.inProductLanguage("request.cancelled.noSupplement") : reason.toString());
    }
}
