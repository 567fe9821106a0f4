package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


/** Service task EscalateDispute: the SLA passed or the agent escalated; the finance managers take over. */
@Component("escalateDisputeDelegate")
class EscalateDisputeDelegate implements JavaDelegate {

    private final DisputeSteps steps;

    EscalateDisputeDelegate(DisputeSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.escalate(DisputeVariables.disputeId(execution));
    }
}
