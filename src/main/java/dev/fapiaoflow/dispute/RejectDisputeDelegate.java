package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.dispute.DisputeProcess.Vars;

/** Service task RejectDispute: closed with the comment as the reason the customer reads. */
@Component("rejectDisputeDelegate")
class RejectDisputeDelegate implements JavaDelegate {

    private final DisputeSteps steps;

    RejectDisputeDelegate(DisputeSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.reject(DisputeVariables.disputeId(execution), DisputeVariables.decidedBy(execution),
                DisputeVariables.text(execution, Vars.COMMENT));
    }
}
