package dev.fapiaoflow.issuance.internal;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Asks the deployed tax-classification table (latest version) how a product category is taxed. */
@Component
public class TaxClassifier {

    private final DecisionService decisionService;
    private final SellerProperties seller;

    TaxClassifier(DecisionService decisionService, SellerProperties seller) {
        this.decisionService = decisionService;
        this.seller = seller;
    }

    /** @throws IllegalStateException when no rule matches: a technical failure, so the job raises an incident */
    public TaxClassification classify(String category) {
        DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(TaxClassification.DECISION_KEY)
                .variables(Variables.createVariables()
                        .putValue(TaxClassification.CATEGORY, category)
                        .putValue(TaxClassification.SELLER_STATUS, seller.taxpayerStatus().name()))
                .evaluate();
        if (result.isEmpty()) {
            throw new IllegalStateException("tax-classification has no rule for category '" + category
                    + "' and seller status " + seller.taxpayerStatus() + "; add one to dmn/tax-classification.dmn");
        }
        return TaxClassification.fromDecision(result.getSingleResult().getEntryMap());
    }
}
