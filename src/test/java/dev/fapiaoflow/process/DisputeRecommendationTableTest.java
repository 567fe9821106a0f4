package dev.fapiaoflow.process;

import static dev.fapiaoflow.dispute.DisputeProcess.Vars.AGE_DAYS;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.CHANNEL;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.INVOICE_KIND;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.INVOICE_TYPE;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.ISSUED_THIS_MONTH;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.POSTED;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.REASON;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.RECOMMENDATION;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.RECOMMENDATION_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.fapiaoflow.dispute.DisputeProcess;
import dev.fapiaoflow.dispute.DisputeProcess.Actions;
import dev.fapiaoflow.dispute.DisputeReason;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.process.DecisionTable.Outcome;

/** dmn/dispute-recommendation.dmn, rule by rule. */
class DisputeRecommendationTableTest {

    private static final DecisionTable TABLE = DecisionTable.load(Models.DISPUTE_RECOMMENDATION,
            DisputeProcess.RECOMMENDATION_DECISION);

    /** a blue NORMAL invoice e-mailed 3 days ago, this month */
    private static Map<String, Object> facts(DisputeReason reason) {
        Map<String, Object> facts = new HashMap<>();
        facts.put(REASON, reason.name());
        facts.put(INVOICE_TYPE, "NORMAL");
        facts.put(INVOICE_KIND, "BLUE");
        facts.put(CHANNEL, "EMAIL");
        facts.put(AGE_DAYS, 3L);
        facts.put(POSTED, false);
        facts.put(ISSUED_THIS_MONTH, true);
        return facts;
    }

    private static Map<String, Object> with(Map<String, Object> facts, String name, Object value) {
        facts.put(name, value);
        return facts;
    }

    @ParameterizedTest
    @EnumSource(DisputeReason.class)
    void aRedLetterInvoiceIsNeverCorrected(DisputeReason reason) {
        Outcome outcome = TABLE.evaluate(with(facts(reason), INVOICE_KIND, "RED"));

        assertThat(outcome.ruleId()).isEqualTo("RedLetterInvoiceIsNotCorrected");
        assertThat(outcome.get(RECOMMENDATION)).isEqualTo(Actions.REJECT);
    }

    @Test
    void aLostMailIsResent() {
        Outcome outcome = TABLE.evaluate(facts(DisputeReason.NOT_RECEIVED));

        assertThat(outcome.ruleId()).isEqualTo("LostMailIsResent");
        assertThat(outcome.get(RECOMMENDATION)).isEqualTo(Actions.RESEND);
    }

    @Test
    void aLostPostedPaperInvoiceIsPostedAgain() {
        Map<String, Object> facts = with(with(facts(DisputeReason.NOT_RECEIVED), CHANNEL, "POST"), POSTED, true);
        Outcome outcome = TABLE.evaluate(with(facts, INVOICE_TYPE, "SPECIAL"));

        assertThat(outcome.ruleId()).isEqualTo("LostPaperIsPostedAgain");
        assertThat(outcome.get(RECOMMENDATION)).isEqualTo(Actions.RESEND);
    }

    @Test
    void aPaperInvoiceNotPostedYetIsOnItsWay() {
        Outcome outcome = TABLE.evaluate(with(facts(DisputeReason.NOT_RECEIVED), CHANNEL, "POST"));

        assertThat(outcome.ruleId()).isEqualTo("UnpostedPaperIsOnItsWay");
        assertThat(outcome.get(RECOMMENDATION)).isEqualTo(Actions.REJECT);
    }

    @ParameterizedTest
    @EnumSource(value = DisputeReason.class, names = { "WRONG_TITLE", "WRONG_TAX_ID", "WRONG_AMOUNT", "WRONG_TYPE" })
    void anUnpostedPaperInvoiceOfThisMonthIsVoided(DisputeReason reason) {
        Outcome outcome = TABLE.evaluate(with(facts(reason), CHANNEL, "POST"));

        assertThat(outcome.ruleId()).isEqualTo("UnpostedPaperIsVoided");
        assertThat(outcome.get(RECOMMENDATION)).isEqualTo(Actions.CORRECT);
        assertThat((String) outcome.get(RECOMMENDATION_NOTE)).contains("作废");
    }

    @Test
    void anUnpostedPaperInvoiceOfAnEarlierMonthIsNotVoided() {
        Map<String, Object> facts = with(with(facts(DisputeReason.WRONG_TITLE), CHANNEL, "POST"), ISSUED_THIS_MONTH, false);
        Outcome outcome = TABLE.evaluate(facts);

        assertThat(outcome.ruleId()).isEqualTo("WrongTitleIsRedLettered");
    }

    @ParameterizedTest
    @EnumSource(value = DisputeReason.class, names = { "WRONG_TITLE", "WRONG_TAX_ID", "WRONG_AMOUNT", "WRONG_TYPE" })
    void aWrongInvoiceOlderThanAYearGoesToTheManagers(DisputeReason reason) {
        Outcome outcome = TABLE.evaluate(with(with(facts(reason), AGE_DAYS, 366L), ISSUED_THIS_MONTH, false));

        assertThat(outcome.ruleId()).isEqualTo("OldInvoiceGoesToManagers");
        assertThat(outcome.get(RECOMMENDATION)).isEqualTo(Actions.ESCALATE);
    }

    @Test
    void aYearOldInvoiceIsStillCorrectedByCustomerService() {
        Outcome outcome = TABLE.evaluate(with(facts(DisputeReason.WRONG_TAX_ID), AGE_DAYS, 365L));

        assertThat(outcome.ruleId()).isEqualTo("WrongTitleIsRedLettered");
    }

    @Test
    void aWrongTitleOnASpecialInvoiceIsRedLetteredAfterApproval() {
        Outcome outcome = TABLE.evaluate(with(facts(DisputeReason.WRONG_TITLE), INVOICE_TYPE, "SPECIAL"));

        assertThat(outcome.ruleId()).isEqualTo("SpecialTitleIsRedLetteredAfterApproval");
        assertThat(outcome.get(RECOMMENDATION)).isEqualTo(Actions.CORRECT);
        assertThat((String) outcome.get(RECOMMENDATION_NOTE)).contains("红字确认单");
    }

    @ParameterizedTest
    @EnumSource(value = DisputeReason.class, names = { "WRONG_TITLE", "WRONG_TAX_ID" })
    void aWrongTitleOrTaxIdIsRedLetteredAndReissued(DisputeReason reason) {
        Outcome outcome = TABLE.evaluate(facts(reason));

        assertThat(outcome.ruleId()).isEqualTo("WrongTitleIsRedLettered");
        assertThat(outcome.get(RECOMMENDATION)).isEqualTo(Actions.CORRECT);
    }

    @ParameterizedTest
    @EnumSource(value = InvoiceType.class)
    void theWrongTypeIsRedLetteredAndReissuedAsTheWantedType(InvoiceType printed) {
        Outcome outcome = TABLE.evaluate(with(facts(DisputeReason.WRONG_TYPE), INVOICE_TYPE, printed.name()));

        assertThat(outcome.ruleId()).isEqualTo("WrongTypeIsRedLetteredAndReissued");
        assertThat(outcome.get(RECOMMENDATION)).isEqualTo(Actions.CORRECT);
        assertThat((String) outcome.get(RECOMMENDATION_NOTE)).contains("红字确认单");
    }

    @Test
    void amountDisputesGoToTheManagers() {
        Outcome outcome = TABLE.evaluate(facts(DisputeReason.WRONG_AMOUNT));

        assertThat(outcome.ruleId()).isEqualTo("AmountGoesToManagers");
        assertThat(outcome.get(RECOMMENDATION)).isEqualTo(Actions.ESCALATE);
    }

    @Test
    void anythingElseIsClarifiedInTheConversationFirst() {
        Outcome outcome = TABLE.evaluate(facts(DisputeReason.OTHER));

        assertThat(outcome.ruleId()).isEqualTo("OtherIsClarifiedFirst");
        assertThat(outcome.get(RECOMMENDATION)).isEqualTo(Actions.RESEND);
    }
}
