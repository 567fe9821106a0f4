package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


/** Service task IssueRedLetter: the red-letter invoice (reason 01) reversing the original, which becomes RED_FLUSHED. */
@Component("issueRedLetterDelegate")
class IssueRedLetterDelegate implements JavaDelegate {

    private final DisputeCorrections corrections;

    IssueRedLetterDelegate(DisputeCorrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        corrections.issueRedLetter(DisputeVariables.disputeId(execution), DisputeVariables.decidedBy(execution));
    }
}
