package dev.fapiaoflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars;
import dev.fapiaoflow.shared.Texts;

/** AssessRisk: the hints for the review form, as one text; they name no person and no tax ID. */
@Component("assessRiskDelegate")
class AssessRiskDelegate implements JavaDelegate {

    private final ReviewService review;

    AssessRiskDelegate(ReviewService review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var hints = review.riskHints((Long) execution.getVariable(Vars.REQUEST_ID));
        execution.setVariable(Vars.RISK_HINTS, hints.isEmpty() ? Texts.inProductLanguage("review.riskHints.none") : String.join("\n", hints));
    }
}
