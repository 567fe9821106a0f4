package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.dispute.DisputeProcess.Vars;

/** Service task RefuseRedLetter: finance refused the 红字确认单; the dispute returns to customer service. */
@Component("refuseRedLetterDelegate")
class RefuseRedLetterDelegate implements JavaDelegate {

    private final DisputeCorrections corrections;

    RefuseRedLetterDelegate(DisputeCorrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        corrections.redLetterRefused(DisputeVariables.disputeId(execution), DisputeVariables.decidedBy(execution),
                DisputeVariables.text(execution, Vars.COMMENT));
    }
}
