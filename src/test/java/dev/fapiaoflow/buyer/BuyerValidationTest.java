package dev.fapiaoflow.buyer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import dev.fapiaoflow.shared.FieldError;
import org.junit.jupiter.api.Test;

class BuyerValidationTest {

    @Test
    void acceptsAPersonalTitleWithJustAName() {
        assertThat(BuyerValidation.validate(Buyers.person("张三"), "buyer")).isEmpty();
    }

    @Test
    void acceptsACompleteEnterpriseTitle() {
        assertThat(BuyerValidation.validate(Buyers.company(), "buyer")).isEmpty();
        assertThat(BuyerValidation.validateForSpecialInvoice(Buyers.company(), "buyer")).isEmpty();
    }

    @Test
    void acceptsRareNameCharactersOutsideGb2312AndInExtensionB() {
        assertThat(BuyerValidation.validate(Buyers.person("王堃喆𠮷玥昇"), "buyer")).isEmpty();
    }

    @Test
    void namesTheFirstCharacterOfEachPrintedFieldThatTheInvoiceCannotPrint() {
        // U+E000: private use, in no invoice font; U+2603 ☃: a symbol Zen Hei lacks
        BuyerDetails undrawable = new BuyerDetails(BuyerType.ENTERPRISE, "北京\uE000科技有限公司", Buyers.COMPANY_TAX_ID,
                "北京市☃海淀区", null, null, null, "ap@example.com", TaxpayerKind.GENERAL);

        assertThat(BuyerValidation.validate(undrawable, "buyer")).extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("buyer.title", "发票字体无法打印字符「\uE000」（U+E000），请改用其他写法"),
                        tuple("buyer.address", "发票字体无法打印字符「☃」（U+2603），请改用其他写法"));
    }

    @Test
    void requiresABuyerType() {
        BuyerDetails noType = new BuyerDetails(null, "张三", null, null, null, null, null, null, null);
        assertThat(fields(BuyerValidation.validate(noType, "buyer"))).containsExactly("buyer.buyerType");
    }

    @Test
    void requiresTheNameOfAPersonalBuyer() {
        assertThat(BuyerValidation.validate(Buyers.person("  "), "buyer"))
                .extracting(FieldError::field, FieldError::message).containsExactly(tuple("buyer.title", "请填写个人姓名"));
    }

    @Test
    void refusesATitleShorterThanTwoOrLongerThanAHundredCharacters() {
        assertThat(fields(BuyerValidation.validate(Buyers.person("张"), "buyer"))).containsExactly("buyer.title");
        assertThat(fields(BuyerValidation.validate(Buyers.person("张".repeat(101)), "buyer"))).containsExactly("buyer.title");
        assertThat(BuyerValidation.validate(Buyers.person("张".repeat(100)), "buyer")).isEmpty();
    }

    @Test
    void letsAPersonalBuyerLeaveOutTheTaxIdButChecksOneIfGiven() {
        BuyerDetails wrongTaxId = withTaxId(Buyers.person("张三"), "91110108351303601D");
        assertThat(BuyerValidation.validate(wrongTaxId, "buyer"))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("buyer.taxId", "统一社会信用代码校验位错误"));
    }

    @Test
    void requiresTitleAndTaxIdOfAnEnterprise() {
        BuyerDetails empty = new BuyerDetails(BuyerType.ENTERPRISE, null, " ", null, null, null, null, null, null);
        assertThat(BuyerValidation.validate(empty, "buyer"))
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(tuple("buyer.title", "请填写发票抬头"), tuple("buyer.taxId", "单位抬头须填写纳税人识别号"));
    }

    @Test
    void refusesAnEnterpriseWithAWrongCheckCharacter() {
        BuyerDetails wrong = withTaxId(Buyers.company(), "91110108351303601D");
        assertThat(fields(BuyerValidation.validate(wrong, "buyer"))).containsExactly("buyer.taxId");
    }

    @Test
    void refusesAMalformedEmailAddress() {
        for (String bad : List.of("ap.example.com", "ap@", "ap@@example.com", "ap@localhost", "ap@example.")) {
            assertThat(fields(BuyerValidation.validate(withEmail(Buyers.company(), bad), "buyer")))
                    .as(bad).containsExactly("buyer.email");
        }
        assertThat(BuyerValidation.validate(withEmail(Buyers.company(), " ap+invoices@sub.example.com.cn "), "buyer")).isEmpty();
    }

    @Test
    void refusesOverlongOptionalFields() {
        BuyerDetails c = Buyers.company();
        BuyerDetails overlong = new BuyerDetails(c.buyerType(), c.title(), c.taxId(), "地".repeat(201), "1".repeat(41),
                "行".repeat(101), "6".repeat(41), c.email(), c.taxpayerKind());
        assertThat(fields(BuyerValidation.validate(overlong, "buyer")))
                .containsExactly("buyer.address", "buyer.phone", "buyer.bankName", "buyer.bankAccount");
    }

    @Test
    void namesFieldsWithoutPrefixWhenNoneIsGiven() {
        assertThat(fields(BuyerValidation.validate(Buyers.person(null), ""))).containsExactly("title");
        assertThat(fields(BuyerValidation.validate(null, "buyer"))).containsExactly("buyer");
    }

    @Test
    void specialInvoiceRequiresAddressPhoneBankAndAccount() {
        BuyerDetails c = Buyers.company();
        BuyerDetails bare = new BuyerDetails(c.buyerType(), c.title(), c.taxId(), null, "", null, null, null, c.taxpayerKind());
        assertThat(BuyerValidation.validate(bare, "buyer")).isEmpty();
        assertThat(fields(BuyerValidation.validateForSpecialInvoice(bare, "buyer")))
                .containsExactly("buyer.address", "buyer.phone", "buyer.bankName", "buyer.bankAccount");
    }

    @Test
    void specialInvoiceRequiresATaxIdEvenFromAPersonalBuyer() {
        assertThat(fields(BuyerValidation.validateForSpecialInvoice(Buyers.person("张三"), "buyer")))
                .containsExactly("buyer.taxId", "buyer.address", "buyer.phone", "buyer.bankName", "buyer.bankAccount");
    }

    @Test
    void specialInvoiceReportsAMissingEnterpriseTaxIdOnlyOnce() {
        BuyerDetails noTaxId = withTaxId(Buyers.company(), null);
        assertThat(fields(BuyerValidation.validateForSpecialInvoice(noTaxId, "buyer"))).containsExactly("buyer.taxId");
    }

    @Test
    void normalisingDropsTheTaxpayerKindOfAPersonalBuyerAndUpperCasesTheTaxId() {
        BuyerDetails person = new BuyerDetails(BuyerType.PERSONAL, " 张三 ", "91110108351303601c", null, null, null,
                null, "", TaxpayerKind.GENERAL);
        BuyerDetails normalised = person.normalised();
        assertThat(normalised.title()).isEqualTo("张三");
        assertThat(normalised.taxId()).isEqualTo("91110108351303601C");
        assertThat(normalised.email()).isNull();
        assertThat(normalised.taxpayerKind()).isNull();
    }

    @Test
    void keepsBuyerDataOutOfToString() {
        assertThat(Buyers.company().toString()).doesNotContain("北京", "91110108351303601C", "ap@example.com");
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static BuyerDetails withTaxId(BuyerDetails b, String taxId) {
        return new BuyerDetails(b.buyerType(), b.title(), taxId, b.address(), b.phone(), b.bankName(), b.bankAccount(),
                b.email(), b.taxpayerKind());
    }

    private static BuyerDetails withEmail(BuyerDetails b, String email) {
        return new BuyerDetails(b.buyerType(), b.title(), b.taxId(), b.address(), b.phone(), b.bankName(), b.bankAccount(),
                email, b.taxpayerKind());
    }
}
