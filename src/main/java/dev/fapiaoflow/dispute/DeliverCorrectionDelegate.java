package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


/** Service task DeliverCorrection: mails the red-letter and the re-issued invoice, closes the dispute. */
@Component("deliverCorrectionDelegate")
class DeliverCorrectionDelegate implements JavaDelegate {

    private final DisputeCorrections corrections;

    DeliverCorrectionDelegate(DisputeCorrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        corrections.deliverCorrection(DisputeVariables.disputeId(execution));
    }
}
