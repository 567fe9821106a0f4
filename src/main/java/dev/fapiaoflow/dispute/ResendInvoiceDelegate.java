package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.dispute.DisputeProcess.Vars;

/** Service task ResendInvoice: mails the invoice again; an SMTP failure is thrown for the engine to retry. */
@Component("resendInvoiceDelegate")
class ResendInvoiceDelegate implements JavaDelegate {

    private final DisputeSteps steps;

    ResendInvoiceDelegate(DisputeSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.resendByMail(DisputeVariables.disputeId(execution), DisputeVariables.decidedBy(execution),
                DisputeVariables.text(execution, Vars.COMMENT));
    }
}
