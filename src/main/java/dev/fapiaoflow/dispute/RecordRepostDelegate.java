package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.dispute.DisputeProcess.Vars;

/** Service task RecordRepost: courier and tracking number of the paper invoice posted again. */
@Component("recordRepostDelegate")
class RecordRepostDelegate implements JavaDelegate {

    private final DisputeSteps steps;

    RecordRepostDelegate(DisputeSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.recordRepost(DisputeVariables.disputeId(execution), DisputeVariables.decidedBy(execution),
                DisputeVariables.text(execution, Vars.COURIER), DisputeVariables.text(execution, Vars.TRACKING_NUMBER));
    }
}
