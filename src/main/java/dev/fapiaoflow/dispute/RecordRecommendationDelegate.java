package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.dispute.DisputeProcess.Vars;

/** Service task RecordRecommendation: keeps the table's recommendation on the dispute, where the agent sees it. */
@Component("recordRecommendationDelegate")
class RecordRecommendationDelegate implements JavaDelegate {

    private final DisputeSteps steps;

    RecordRecommendationDelegate(DisputeSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.recordRecommendation(DisputeVariables.disputeId(execution), DisputeVariables.text(execution, Vars.RECOMMENDATION),
                DisputeVariables.text(execution, Vars.RECOMMENDATION_NOTE));
    }
}
