package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


/** Service task IssueRedLetter: the red-letter invoice (reason 01) reversing the original, which becomes RED_FLUSHED. */
@Component("issueRedLetterDelegate")
class IssueRedLetterDelegate implements JavaDelegate {

    private final DisputeService disputes;

    IssueRedLetterDelegate(DisputeService disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disputes.issueRedLetter(DisputeVariables.disputeId(execution), DisputeVariables.decidedBy(execution));
    }
}
