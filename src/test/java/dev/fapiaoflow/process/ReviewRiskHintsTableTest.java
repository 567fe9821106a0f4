package dev.fapiaoflow.process;

import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.TOTAL_AMOUNT_FEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.fapiaoflow.process.DecisionTable.Outcome;
import dev.fapiaoflow.review.SpecialVatApprovalProcess.Tables;

/** dmn/review-risk-hints.dmn (COLLECT): every hint that applies, none for a known customer's ordinary request. */
class ReviewRiskHintsTableTest {

    private static final DecisionTable TABLE = DecisionTable.load(Models.REVIEW_RISK_HINTS, Tables.REVIEW_RISK_HINTS);

    @Test
    void knownCustomerWithItsOwnCreditCodeAndAnOrdinaryAmountGetsNoHint() {
        assertThat(hints(3, 1, 9_000_00L)).isEmpty();
    }

    @Test
    void firstRequestOfACustomerIsHinted() {
        assertThat(rules(0, 1, 9_000_00L)).containsExactly("FirstRequestOfCustomer");
    }

    @Test
    void creditCodeUsedByMoreThanOneAccountIsHinted() {
        assertThat(rules(3, 2, 9_000_00L)).containsExactly("CreditCodeSharedByAccounts");
    }

    @Test
    void fromFiftyThousandYuanTheAmountIsHinted() {
        assertThat(rules(3, 1, 49_999_99L)).isEmpty();
        assertThat(rules(3, 1, 50_000_00L)).containsExactly("LargeAmount");
    }

    @Test
    void allHintsThatApplyAreCollectedInTableOrder() {
        assertThat(rules(0, 4, 120_000_00L)).containsExactly("FirstRequestOfCustomer", "CreditCodeSharedByAccounts",
                "LargeAmount");
        assertThat(hints(0, 4, 120_000_00L)).allSatisfy(hint -> assertThat((String) hint).isNotBlank());
    }

    private static List<String> rules(long earlierRequests, long accountsSharing, long totalFen) {
        return evaluate(earlierRequests, accountsSharing, totalFen).stream().map(Outcome::ruleId).toList();
    }

    private static List<Object> hints(long earlierRequests, long accountsSharing, long totalFen) {
        return evaluate(earlierRequests, accountsSharing, totalFen).stream().map(outcome -> outcome.get("hint")).toList();
    }

    private static List<Outcome> evaluate(long earlierRequests, long accountsSharing, long totalFen) {
        return TABLE.evaluateAll(Map.of("earlierRequests", earlierRequests, "accountsSharingCreditCode", accountsSharing,
                TOTAL_AMOUNT_FEN, totalFen));
    }
}
