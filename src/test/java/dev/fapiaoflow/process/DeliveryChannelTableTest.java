package dev.fapiaoflow.process;

import static dev.fapiaoflow.delivery.DeliveryProcess.Vars.CHANNEL;
import static dev.fapiaoflow.delivery.DeliveryProcess.Vars.DELIVERY;
import static dev.fapiaoflow.delivery.DeliveryProcess.Vars.INVOICE_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.fapiaoflow.delivery.DeliveryProcess;
import dev.fapiaoflow.delivery.DeliveryProcess.Channels;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.process.DecisionTable.Outcome;

/** dmn/delivery-channel.dmn, rule by rule. */
class DeliveryChannelTableTest {

    private static final String PAPER_SPECIAL_IS_POSTED = "PaperSpecialInvoiceIsPosted";
    private static final String NORMAL_IS_NEVER_POSTED = "NormalInvoiceIsNeverPosted";
    private static final String EVERYTHING_ELSE_IS_EMAILED = "EverythingElseIsEmailed";

    private static final DecisionTable TABLE = DecisionTable.load(Models.DELIVERY_CHANNEL,
            DeliveryProcess.DELIVERY_CHANNEL_DECISION);

    @Test
    void specialInvoiceAskedForByPostIsPosted() {
        Outcome outcome = TABLE.evaluate(Map.of(INVOICE_TYPE, InvoiceType.SPECIAL.name(), DELIVERY, Channels.POST));

        assertThat(outcome.ruleId()).isEqualTo(PAPER_SPECIAL_IS_POSTED);
        assertThat(outcome.get(CHANNEL)).isEqualTo(Channels.POST);
    }

    @Test
    void normalInvoiceAskedForByPostIsEmailedBecauseItHasNoPaperForm() {
        Outcome outcome = TABLE.evaluate(Map.of(INVOICE_TYPE, InvoiceType.NORMAL.name(), DELIVERY, Channels.POST));

        assertThat(outcome.ruleId()).isEqualTo(NORMAL_IS_NEVER_POSTED);
        assertThat(outcome.get(CHANNEL)).isEqualTo(Channels.EMAIL);
    }

    @ParameterizedTest
    @EnumSource(InvoiceType.class)
    void anyInvoiceAskedForByEmailIsEmailed(InvoiceType type) {
        Outcome outcome = TABLE.evaluate(Map.of(INVOICE_TYPE, type.name(), DELIVERY, Channels.EMAIL));

        assertThat(outcome.ruleId()).isEqualTo(EVERYTHING_ELSE_IS_EMAILED);
        assertThat(outcome.get(CHANNEL)).isEqualTo(Channels.EMAIL);
    }
}
