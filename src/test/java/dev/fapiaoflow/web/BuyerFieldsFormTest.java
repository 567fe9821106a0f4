package dev.fapiaoflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.buyer.TaxpayerKind;

/** The apply form and the title form share the buyer fields: the same input gives the same buyer on both pages. */
class BuyerFieldsFormTest {

    @Test
    void theApplyFormAndTheTitleFormMakeTheSameNormalisedBuyer() {
        ApplyForm apply = new ApplyForm();
        TitleForm title = new TitleForm();
        for (BuyerFieldsForm form : new BuyerFieldsForm[] { apply, title }) {
            form.setBuyerType(BuyerType.ENTERPRISE);
            form.setTitle("  北京某某科技有限公司 ");
            form.setTaxId("91110108 351303601c");
            form.setTaxpayerKind(TaxpayerKind.GENERAL);
            form.setAddress(" 北京市海淀区知春路1号");
            form.setPhone("010-12345678 ");
            form.setBankName("中国银行北京分行");
            form.setBankAccount(" ");
        }
        apply.setEmail("ap@example.com ");
        title.setEmail("ap@example.com ");

        BuyerDetails expected = new BuyerDetails(BuyerType.ENTERPRISE, "北京某某科技有限公司", "91110108351303601C",
                "北京市海淀区知春路1号", "010-12345678", "中国银行北京分行", null, "ap@example.com", TaxpayerKind.GENERAL);
        assertThat(apply.buyer()).isEqualTo(expected);
        assertThat(title.details()).isEqualTo(expected);
    }

    @Test
    void aPersonHasNoTaxpayerKindAndAMissingTypeIsAPerson() {
        TitleForm form = new TitleForm();
        form.setBuyerType(null);
        form.setTitle("爱丽丝");
        form.setTaxpayerKind(TaxpayerKind.GENERAL);

        assertThat(form.getBuyerType()).isEqualTo(BuyerType.PERSONAL);
        assertThat(form.details().taxpayerKind()).isNull();
    }

    @Test
    void aSavedTitleOpensWithEveryFieldOnBothForms() {
        BuyerDetails saved = new BuyerDetails(BuyerType.ENTERPRISE, "北京某某科技有限公司", "91110108351303601C",
                "北京市海淀区知春路1号", "010-12345678", "中国银行北京分行", "1234567890", "ap@example.com", TaxpayerKind.GENERAL);

        assertThat(TitleForm.of(saved).details()).isEqualTo(saved);
    }
}
