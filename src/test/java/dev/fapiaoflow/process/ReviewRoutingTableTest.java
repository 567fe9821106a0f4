package dev.fapiaoflow.process;

import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.INVOICE_TYPE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.REVIEW_GROUP;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.REVIEW_NEEDED;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.TOTAL_AMOUNT_FEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.process.DecisionTable.Outcome;
import dev.fapiaoflow.request.InvoiceRequestProcess.Decisions;
import dev.fapiaoflow.shared.Groups;

/** dmn/review-routing.dmn, rule by rule; amounts go in as fen (Long), the table reads yuan. */
class ReviewRoutingTableTest {

    private static final String SPECIAL_IS_REVIEWED = "SpecialInvoiceIsReviewed";
    private static final String NORMAL_GOES_THROUGH = "NormalInvoiceGoesStraightThrough";
    private static final String UNKNOWN_IS_REVIEWED = "UnknownTypeIsReviewed";

    private static final DecisionTable TABLE = DecisionTable.load(Models.REVIEW_ROUTING, Decisions.REVIEW_ROUTING);

    @ParameterizedTest
    @ValueSource(longs = { 1L, 1_999_00L, 100_000_000_00L })
    void specialInvoiceOfAnyAmountIsReviewedByFinance(long totalAmountFen) {
        Outcome outcome = TABLE.evaluate(request(InvoiceType.SPECIAL.name(), totalAmountFen));

        assertThat(outcome.ruleId()).isEqualTo(SPECIAL_IS_REVIEWED);
        assertThat(outcome.get(REVIEW_NEEDED)).isEqualTo(true);
        assertThat(outcome.get(REVIEW_GROUP)).isEqualTo(Groups.FINANCE_REVIEWER);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1L, 1_999_00L, 100_000_000_00L })
    void normalElectronicInvoiceOfAnyAmountGoesStraightThrough(long totalAmountFen) {
        Outcome outcome = TABLE.evaluate(request(InvoiceType.NORMAL.name(), totalAmountFen));

        assertThat(outcome.ruleId()).isEqualTo(NORMAL_GOES_THROUGH);
        assertThat(outcome.get(REVIEW_NEEDED)).isEqualTo(false);
        assertThat(outcome.get(REVIEW_GROUP)).isNull();
    }

    @Test
    void unknownInvoiceTypeGoesToAPersonInFinance() {
        Outcome outcome = TABLE.evaluate(request(null, 1_999_00L));

        assertThat(outcome.ruleId()).isEqualTo(UNKNOWN_IS_REVIEWED);
        assertThat(outcome.get(REVIEW_NEEDED)).isEqualTo(true);
        assertThat(outcome.get(REVIEW_GROUP)).isEqualTo(Groups.FINANCE_REVIEWER);
    }

    private static Map<String, Object> request(String invoiceType, long totalAmountFen) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(INVOICE_TYPE, invoiceType);
        variables.put(TOTAL_AMOUNT_FEN, totalAmountFen);
        return variables;
    }
}
