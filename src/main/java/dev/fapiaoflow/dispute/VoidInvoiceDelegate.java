package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


/** Service task VoidInvoice: the original is voided instead of reversed. */
@Component("voidInvoiceDelegate")
class VoidInvoiceDelegate implements JavaDelegate {

    private final DisputeService disputes;

    VoidInvoiceDelegate(DisputeService disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disputes.voidInvoice(DisputeVariables.disputeId(execution), DisputeVariables.decidedBy(execution));
    }
}
