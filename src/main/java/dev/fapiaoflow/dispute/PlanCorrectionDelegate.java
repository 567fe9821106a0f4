package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.dispute.DisputeProcess.Vars;

/** Service task PlanCorrection: void (paper, not posted, month of issue) or red-letter; sets correctionMethod. */
@Component("planCorrectionDelegate")
class PlanCorrectionDelegate implements JavaDelegate {

    private final DisputeCorrections corrections;

    PlanCorrectionDelegate(DisputeCorrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Vars.CORRECTION_METHOD, corrections.planCorrection(DisputeVariables.disputeId(execution)));
    }
}
