package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task DeliverRefundRedLetter: mails the red-letter invoice to the request's address. */
@Component("deliverRefundRedLetterDelegate")
class DeliverRefundRedLetterDelegate implements JavaDelegate {

    private final RefundRedLetters refunds;

    DeliverRefundRedLetterDelegate(RefundRedLetters refunds) {
        this.refunds = refunds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        refunds.deliver(DisputeVariables.id(execution, DisputeProcess.Vars.REFUND_ID));
    }
}
