package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


/** Service task EscalateDispute: the SLA passed or the agent escalated; the finance managers take over. */
@Component("escalateDisputeDelegate")
class EscalateDisputeDelegate implements JavaDelegate {

    private final DisputeService disputes;

    EscalateDisputeDelegate(DisputeService disputes) {
        this.disputes = disputes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disputes.escalate(DisputeVariables.disputeId(execution));
    }
}
