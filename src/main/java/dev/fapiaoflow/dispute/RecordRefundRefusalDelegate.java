package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task RecordRefundRefusal: finance found no red-letter invoice due (e.g. refunded outside the invoice). */
@Component("recordRefundRefusalDelegate")
class RecordRefundRefusalDelegate implements JavaDelegate {

    private final RefundRedLetters refunds;

    RecordRefundRefusalDelegate(RefundRedLetters refunds) {
        this.refunds = refunds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        refunds.refuse(DisputeVariables.id(execution, DisputeProcess.Vars.REFUND_ID), DisputeVariables.decidedBy(execution),
                DisputeVariables.text(execution, DisputeProcess.Vars.COMMENT));
    }
}
