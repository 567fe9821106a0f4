package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


/** Service task DeliverCorrection: mails the red-letter and the re-issued invoice, closes the dispute. */
@Component("deliverCorrectionDelegate")
class DeliverCorrectionDelegate implements JavaDelegate {

    private final DisputeService disputes;

    DeliverCorrectionDelegate(DisputeService disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disputes.deliverCorrection(DisputeVariables.disputeId(execution));
    }
}
