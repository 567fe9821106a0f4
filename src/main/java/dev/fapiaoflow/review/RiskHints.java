package dev.fapiaoflow.review;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.request.RiskFacts;

/** The review-risk-hints table (COLLECT) over facts the request module computed: one text per hit. */
@Component
class RiskHints {

    private final DecisionService decisions;

    RiskHints(DecisionService decisions) {
        this.decisions = decisions;
    }

    List<String> of(RiskFacts facts) {
        return decisions.evaluateDecisionByKey(SpecialVatApprovalProcess.Tables.REVIEW_RISK_HINTS)
                .variables(Map.of("earlierRequests", facts.earlierRequests(),
                        "accountsSharingCreditCode", facts.accountsSharingCreditCode(),
                        SpecialVatApprovalProcess.Vars.TOTAL_AMOUNT_FEN, facts.totalAmountFen()))
                .evaluate().collectEntries("hint");
    }
}
