package dev.fapiaoflow.process;

import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.SECOND_APPROVAL_NEEDED;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.TOTAL_AMOUNT_FEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fapiaoflow.process.DecisionTable.Outcome;
import dev.fapiaoflow.review.SpecialVatApprovalProcess.Tables;

/** dmn/four-eyes.dmn: from 100,000 yuan a second approval; amounts go in as fen (Long). */
class FourEyesTableTest {

    private static final DecisionTable TABLE = DecisionTable.load(Models.FOUR_EYES, Tables.FOUR_EYES);

    @ParameterizedTest
    @ValueSource(longs = { 100_000_00L, 100_000_01L, 5_000_000_00L })
    void fromOneHundredThousandYuanASecondApprovalIsNeeded(long totalAmountFen) {
        Outcome outcome = TABLE.evaluate(Map.of(TOTAL_AMOUNT_FEN, totalAmountFen));

        assertThat(outcome.ruleId()).isEqualTo("LargeAmountNeedsSecondApproval");
        assertThat(outcome.get(SECOND_APPROVAL_NEEDED)).isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1L, 59_970_00L, 99_999_99L })
    void belowThatOneApprovalIsEnough(long totalAmountFen) {
        Outcome outcome = TABLE.evaluate(Map.of(TOTAL_AMOUNT_FEN, totalAmountFen));

        assertThat(outcome.ruleId()).isEqualTo("SmallerAmountOneApprovalIsEnough");
        assertThat(outcome.get(SECOND_APPROVAL_NEEDED)).isEqualTo(false);
    }
}
