package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.issuance.InvoiceType;

/**
 * Asks the deployed {@code invoice-limit} table (latest version) for the most one invoice of a type may total
 * (价税合计). Process owners change the limit by deploying a new version of {@code dmn/invoice-limit.dmn}.
 */
@Component
public class InvoiceLimit {

    public static final String DECISION_KEY = "invoice-limit";
    public static final String INVOICE_TYPE = "invoiceType";
    public static final String MAX_TOTAL_PER_INVOICE = "maxTotalPerInvoice";

    private final DecisionService decisionService;

    InvoiceLimit(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    /** @throws IllegalStateException when no rule matches or the limit is not positive: the issuing job raises an incident */
    public BigDecimal maxTotalPerInvoice(InvoiceType type) {
        DmnDecisionTableResult result = decisionService.evaluateDecisionTableByKey(DECISION_KEY)
                .variables(Variables.createVariables().putValue(INVOICE_TYPE, type.name()))
                .evaluate();
        DmnDecisionRuleResult entries = result.getFirstResult();
        return fromDecision(type, entries == null ? null : entries.getEntry(MAX_TOTAL_PER_INVOICE));
    }

    /** The table's double as yuan; {@link BigDecimal#valueOf(double)} gives back the literal written in the table. */
    static BigDecimal fromDecision(InvoiceType type, Object limit) {
        if (!(limit instanceof Number number)) {
            throw new IllegalStateException("invoice-limit has no numeric limit for " + type + ": " + limit
                    + "; add a rule to dmn/invoice-limit.dmn");
        }
        BigDecimal yuan = BigDecimal.valueOf(number.doubleValue());
        if (yuan.signum() <= 0) {
            throw new IllegalStateException("invoice-limit gave a limit that is not positive for " + type + ": " + yuan);
        }
        return yuan;
    }
}
