package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


/** Service task VoidInvoice: the original is voided instead of reversed. */
@Component("voidInvoiceDelegate")
class VoidInvoiceDelegate implements JavaDelegate {

    private final DisputeCorrections corrections;

    VoidInvoiceDelegate(DisputeCorrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        corrections.voidInvoice(DisputeVariables.disputeId(execution), DisputeVariables.decidedBy(execution));
    }
}
