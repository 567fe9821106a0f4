package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;


/** Service task MarkInProgress: a lost paper invoice goes to finance for posting again. */
@Component("markInProgressDelegate")
class MarkInProgressDelegate implements JavaDelegate {

    private final DisputeSteps steps;

    MarkInProgressDelegate(DisputeSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.inProgress(DisputeVariables.disputeId(execution));
    }
}
