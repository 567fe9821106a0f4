package dev.fapiaoflow.request;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.issuance.InvoiceType;

/**
 * The DMN tables the process uses, asked again when the API receives a request, so the customer hears
 * at once what the process would decide later. The tables stay the single place of these rules.
 */
@Component
class RequestRules {

    static final String ELIGIBILITY = "invoice-type-eligibility";
    static final String DELIVERY_CHANNEL = "delivery-channel";

    private final DecisionService decisionService;

    RequestRules(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    record Eligibility(boolean eligible, String reason) {
    }

    Eligibility eligibility(InvoiceType type, BuyerDetails buyer) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(InvoiceRequestProcess.Vars.INVOICE_TYPE, type.name());
        vars.put(InvoiceRequestProcess.Vars.BUYER_TYPE, buyer.buyerType().name());
        vars.put(InvoiceRequestProcess.Vars.TAXPAYER_KIND, buyer.taxpayerKind() == null ? null : buyer.taxpayerKind().name());
        DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey(ELIGIBILITY).variables(vars).evaluate()
                .getSingleResult();
        return new Eligibility(Boolean.TRUE.equals(result.getEntry(InvoiceRequestProcess.Vars.ELIGIBLE)),
                (String) result.get(InvoiceRequestProcess.Vars.INELIGIBLE_REASON));
    }

    Delivery channel(InvoiceType type, Delivery requested) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(InvoiceRequestProcess.Vars.INVOICE_TYPE, type.name());
        vars.put(InvoiceRequestProcess.Vars.DELIVERY, requested.name());
        String channel = decisionService.evaluateDecisionByKey(DELIVERY_CHANNEL).variables(vars).evaluate()
                .getSingleResult().getEntry("channel");
        return Delivery.valueOf(channel);
    }
}
