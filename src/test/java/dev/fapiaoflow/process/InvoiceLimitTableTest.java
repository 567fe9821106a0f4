package dev.fapiaoflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.internal.InvoiceLimit;

/** dmn/invoice-limit.dmn: the most one invoice may total (价税合计), by invoice type. */
class InvoiceLimitTableTest {

    private static final DecisionTable TABLE = DecisionTable.load(Models.INVOICE_LIMIT, InvoiceLimit.DECISION_KEY);

    @ParameterizedTest
    @CsvSource({ "NORMAL, NormalInvoiceLimit, 100000", "SPECIAL, SpecialInvoiceLimit, 100000" })
    void eachInvoiceTypeHasItsOwnRule(InvoiceType type, String rule, double limit) {
        DecisionTable.Outcome outcome = TABLE.evaluate(Map.of(InvoiceLimit.INVOICE_TYPE, type.name()));

        assertThat(outcome.ruleId()).isEqualTo(rule);
        assertThat(outcome.get(InvoiceLimit.MAX_TOTAL_PER_INVOICE)).isEqualTo(limit);
    }

    @ParameterizedTest
    @CsvSource({ "PAPER", "''" })
    void anUnknownTypeMatchesNoRuleSoIssuanceFailsLoudly(String type) {
        assertThat(TABLE.evaluateAll(Map.of(InvoiceLimit.INVOICE_TYPE, type))).isEmpty();
    }
}
