package dev.fapiaoflow.process;

import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.BUYER_TYPE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.ELIGIBLE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.INELIGIBLE_REASON;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.INVOICE_TYPE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.TAXPAYER_KIND;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.buyer.TaxpayerKind;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.process.DecisionTable.Outcome;
import dev.fapiaoflow.request.InvoiceRequestProcess.Decisions;

/** dmn/invoice-type-eligibility.dmn, rule by rule, with the variable names the process and the API use. */
class InvoiceTypeEligibilityTableTest {

    private static final String NORMAL_FOR_ANYONE = "NormalInvoiceForAnyone";
    private static final String SPECIAL_FOR_PERSONAL = "SpecialInvoiceForPersonalBuyer";
    private static final String SPECIAL_FOR_GENERAL = "SpecialInvoiceForGeneralTaxpayer";
    private static final String SPECIAL_FOR_OTHER_ENTERPRISE = "SpecialInvoiceForOtherEnterprise";
    private static final String UNKNOWN = "UnknownCombination";

    private static final DecisionTable TABLE = DecisionTable.load(Models.INVOICE_TYPE_ELIGIBILITY,
            Decisions.INVOICE_TYPE_ELIGIBILITY);

    @ParameterizedTest
    @EnumSource(BuyerType.class)
    void anyBuyerMayGetANormalInvoice(BuyerType buyer) {
        Outcome outcome = TABLE.evaluate(request(InvoiceType.NORMAL, buyer, null));

        assertThat(outcome.ruleId()).isEqualTo(NORMAL_FOR_ANYONE);
        assertThat(outcome.get(ELIGIBLE)).isEqualTo(true);
        assertThat(outcome.get(INELIGIBLE_REASON)).isNull();
    }

    @Test
    void personalBuyerAskingForSpecialIsRefusedByEligibilityRule() {
        Outcome outcome = TABLE.evaluate(request(InvoiceType.SPECIAL, BuyerType.PERSONAL, null));

        assertThat(outcome.ruleId()).isEqualTo(SPECIAL_FOR_PERSONAL);
        assertThat(outcome.get(ELIGIBLE)).isEqualTo(false);
        assertThat(outcome.get(INELIGIBLE_REASON)).isEqualTo("个人不能开具增值税专用发票");
    }

    @Test
    void generalTaxpayerMayGetASpecialInvoice() {
        Outcome outcome = TABLE.evaluate(request(InvoiceType.SPECIAL, BuyerType.ENTERPRISE, TaxpayerKind.GENERAL));

        assertThat(outcome.ruleId()).isEqualTo(SPECIAL_FOR_GENERAL);
        assertThat(outcome.get(ELIGIBLE)).isEqualTo(true);
        assertThat(outcome.get(INELIGIBLE_REASON)).isNull();
    }

    @Test
    void smallScaleTaxpayerAskingForSpecialIsRefused() {
        Outcome outcome = TABLE.evaluate(
                request(InvoiceType.SPECIAL, BuyerType.ENTERPRISE, TaxpayerKind.SMALL_SCALE));

        assertThat(outcome.ruleId()).isEqualTo(SPECIAL_FOR_OTHER_ENTERPRISE);
        assertThat(outcome.get(ELIGIBLE)).isEqualTo(false);
        assertThat(outcome.get(INELIGIBLE_REASON)).isEqualTo("仅增值税一般纳税人可以开具专用发票");
    }

    @Test
    void enterpriseOfUnknownTaxpayerKindAskingForSpecialIsRefused() {
        Outcome outcome = TABLE.evaluate(request(InvoiceType.SPECIAL, BuyerType.ENTERPRISE, null));

        assertThat(outcome.ruleId()).isEqualTo(SPECIAL_FOR_OTHER_ENTERPRISE);
        assertThat(outcome.get(ELIGIBLE)).isEqualTo(false);
    }

    @Test
    void requestWithoutInvoiceTypeIsRefusedRatherThanLeftWithoutAnswer() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(INVOICE_TYPE, null);
        variables.put(BUYER_TYPE, BuyerType.ENTERPRISE.name());
        variables.put(TAXPAYER_KIND, null);

        Outcome outcome = TABLE.evaluate(variables);

        assertThat(outcome.ruleId()).isEqualTo(UNKNOWN);
        assertThat(outcome.get(ELIGIBLE)).isEqualTo(false);
        assertThat((String) outcome.get(INELIGIBLE_REASON)).isNotBlank();
    }

    private static Map<String, Object> request(InvoiceType type, BuyerType buyer, TaxpayerKind kind) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(INVOICE_TYPE, type.name());
        variables.put(BUYER_TYPE, buyer.name());
        variables.put(TAXPAYER_KIND, kind == null ? null : kind.name());
        return variables;
    }
}
