package dev.fapiaoflow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import dev.fapiaoflow.platform.PlatformOrder;
import dev.fapiaoflow.platform.PlatformRefused;
import dev.fapiaoflow.platform.PlatformResult;
import dev.fapiaoflow.platform.RedLetterApplication;
import dev.fapiaoflow.platform.RedLetterConfirmation;

/**
 * Contract of each Nuonuo method: our serializer produces the request fixture field by field (and the strict schema
 * the simulator applies accepts it), and our parser reads the documentation's answer fixture.
 */
class NuonuoContractTest {

    static final String SELLER_TAX_ID = "91110108MA01ABCD2H";
    static final PlatformOrder.Seller SCHOOL = new PlatformOrder.Seller("北京启明在线教育科技有限公司", SELLER_TAX_ID,
            "北京市海淀区中关村大街1号", "010-88886666", "中国工商银行北京中关村支行 0200001234567890123", "张会计", false);

    final ObjectMapper json = new ObjectMapper();

    @Test
    void anOrdinaryInvoiceIsRequestedExactlyAsTheFixture() throws Exception {
        JsonNode sent = json.valueToTree(NuonuoMessages.issueContent(ordinary("FF1024P1")));

        assertThat(sent).isEqualTo(json.readTree(NuonuoFixtures.ISSUE_ORDINARY_REQUEST));
        assertThat(NuonuoSchema.checkIssue(sent, SELLER_TAX_ID)).isEmpty();
    }

    @Test
    void aSpecialInvoiceIsRequestedExactlyAsTheFixture() throws Exception {
        PlatformOrder order = new PlatformOrder("FF2048P1", PlatformOrder.Kind.SPECIAL, Instant.parse("2026-11-03T01:00:00Z"), SCHOOL,
                new PlatformOrder.Buyer("北京某某科技有限公司", "91110108351303601C", "北京市海淀区知春路1号", "010-12345678",
                        "中国银行北京分行 1234567890", "ap@example.com"), "合同 HT-7",
                List.of(line("*非学历教育服务*企业内训", "3070201020000000000", "课时", "2", "471.70000000", "0.06", "943.40", "56.60"),
                        line("*图书*Python 教程", "1060201010000000000", "本", "1", "100.00000000", "0.09", "100.00", "9.00")),
                new BigDecimal("1109.00"));

        JsonNode sent = json.valueToTree(NuonuoMessages.issueContent(order));

        assertThat(sent).isEqualTo(json.readTree(NuonuoFixtures.ISSUE_SPECIAL_REQUEST));
        assertThat(NuonuoSchema.checkIssue(sent, SELLER_TAX_ID)).isEmpty();
    }

    @Test
    void paperInvoicesGoOutWithThePaperInvoiceLineCodesAndPassTheSchema() throws Exception {
        PlatformOrder special = new PlatformOrder("FF2049P1", PlatformOrder.Kind.SPECIAL, Instant.parse("2026-11-03T01:00:00Z"), SCHOOL,
                new PlatformOrder.Buyer("北京某某科技有限公司", "91110108351303601C", "北京市海淀区知春路1号", "010-12345678",
                        "中国银行北京分行 1234567890", "ap@example.com"), "合同 HT-7",
                List.of(line("*非学历教育服务*企业内训", "3070201020000000000", "课时", "2", "471.70000000", "0.06", "943.40", "56.60"),
                        line("*图书*Python 教程", "1060201010000000000", "本", "1", "100.00000000", "0.09", "100.00", "9.00")),
                new BigDecimal("1109.00"), true);
        PlatformOrder electronic = ordinary("FF1026P1");
        PlatformOrder ordinaryOnPaper = new PlatformOrder(electronic.serial(), electronic.kind(), electronic.orderedAt(),
                electronic.seller(), electronic.buyer(), electronic.remarks(), electronic.lines(), electronic.totalAmount(), true);

        JsonNode sentSpecial = json.valueToTree(NuonuoMessages.issueContent(special));
        JsonNode sentOrdinary = json.valueToTree(NuonuoMessages.issueContent(ordinaryOnPaper));

        // the special fixture, but as 数电纸质发票(增值税专用发票): es, not the e-invoice's bs
        JsonNode expected = json.readTree(NuonuoFixtures.ISSUE_SPECIAL_REQUEST.replace("\"FF2048P1\"", "\"FF2049P1\"")
                .replace("\"invoiceLine\": \"bs\"", "\"invoiceLine\": \"es\""));
        assertThat(sentSpecial).isEqualTo(expected);
        assertThat(sentOrdinary.path("order").path("invoiceLine").asText()).isEqualTo("ec");
        assertThat(NuonuoSchema.checkIssue(sentSpecial, SELLER_TAX_ID)).isEmpty();
        assertThat(NuonuoSchema.checkIssue(sentOrdinary, SELLER_TAX_ID)).isEmpty();
    }

    @Test
    void aSmallScaleSellerIssuingAtThreePercentGivesTheDocumentedReason() {
        PlatformOrder.Seller smallScale = new PlatformOrder.Seller("某培训工作室", SELLER_TAX_ID, "", "", "", "张会计", true);
        PlatformOrder order = new PlatformOrder("FF9P1", PlatformOrder.Kind.ORDINARY, Instant.parse("2026-11-03T01:00:00Z"),
                smallScale, new PlatformOrder.Buyer("爱丽丝", null, null, null, null, null), null,
                List.of(line("*非学历教育服务*课程", "3070201020000000000", null, "1", "100.00000000", "0.03", "100.00", "3.00")),
                new BigDecimal("103.00"));

        JsonNode sent = json.valueToTree(NuonuoMessages.issueContent(order));

        assertThat(sent.path("order").path("surveyAnswerType").asText()).isEqualTo("3");
        JsonNode general = json.valueToTree(NuonuoMessages.issueContent(ordinary("FF1P1")));
        assertThat(general.path("order").has("surveyAnswerType"))
                .as("a general taxpayer at 6% gives none").isFalse();
    }

    @Test
    void whatTheDocumentationWouldRefuseIsRefusedBeforeItIsSent() {
        assertThat(refusalOf(withSerial("FF123456789012345678P1"))).contains("orderNo");
        PlatformOrder badCode = new PlatformOrder("FF1P1", PlatformOrder.Kind.ORDINARY, Instant.now(), SCHOOL,
                new PlatformOrder.Buyer("爱丽丝", null, null, null, null, null), null,
                List.of(line("课程", "307020102", null, "1", "100", "0.06", "100.00", "6.00")), new BigDecimal("106.00"));
        assertThat(refusalOf(badCode)).contains("goodsCode");
        PlatformOrder longName = new PlatformOrder("FF1P1", PlatformOrder.Kind.ORDINARY, Instant.now(), SCHOOL,
                new PlatformOrder.Buyer("名".repeat(101), null, null, null, null, null), null, ordinary("FF1P1").lines(),
                new BigDecimal("1999.00"));
        assertThat(refusalOf(longName)).contains("buyerName");
        PlatformOrder.Seller noClerk = new PlatformOrder.Seller(SCHOOL.name(), SELLER_TAX_ID, "", "", "", " ", false);
        assertThat(refusalOf(new PlatformOrder("FF1P1", PlatformOrder.Kind.ORDINARY, Instant.now(), noClerk,
                ordinary("FF1P1").buyer(), null, ordinary("FF1P1").lines(), new BigDecimal("1999.00")))).contains("clerk");
    }

    @Test
    void theIssueAnswersOfTheDocumentationAreReadAsAcceptedAndDuplicate() throws Exception {
        NuonuoMessages.requireOk(json.readTree(NuonuoFixtures.ISSUE_ANSWER));
        PlatformRefused duplicate = catchThrowableOfType(PlatformRefused.class,
                () -> NuonuoMessages.requireOk(json.readTree(NuonuoFixtures.ISSUE_DUPLICATE_ANSWER)));
        assertThat(duplicate.code()).isEqualTo(NuonuoMessages.DUPLICATE_SERIAL);
    }

    @Test
    void theQueryIsRequestedAsTheFixtureAndItsDocumentedAnswerReadsAsIssued() throws Exception {
        assertThat((JsonNode) json.valueToTree(NuonuoMessages.queryContent("FF1024P1"))).isEqualTo(json.readTree(NuonuoFixtures.QUERY_REQUEST));

        PlatformResult result = NuonuoMessages.queryAnswer(json.readTree(NuonuoFixtures.QUERY_ANSWER), "FF1024P1").orElseThrow();

        assertThat(result.status()).isEqualTo(PlatformResult.Status.ISSUED);
        assertThat(result.invoiceNumber()).isEqualTo("22310000000000000001");
        assertThat(result.totalAmount()).isEqualByComparingTo("0.40");
        assertThat(result.issuedAt()).isEqualTo(Instant.ofEpochMilli(1546398919000L));
        assertThat(result.pdfUrl()).endsWith(".pdf");
        assertThat(result.ofdUrl()).endsWith(".ofd");
        assertThat(NuonuoMessages.queryAnswer(json.readTree(NuonuoFixtures.QUERY_ANSWER), "FF9999P1")).isEmpty();
        PlatformResult failed = NuonuoMessages.queryAnswer(json.readTree(NuonuoFixtures.QUERY_FAILED_ANSWER), "FF1025P1").orElseThrow();
        assertThat(failed.status()).isEqualTo(PlatformResult.Status.FAILED);
        assertThat(failed.message()).isEqualTo("税率不合法");
    }

    @Test
    void aWholeRedLetterConfirmationIsAppliedForAsTheFixtureAndItsAnswerGivesTheApplicationId() throws Exception {
        RedLetterApplication whole = new RedLetterApplication("FFRC7N1", "FFR7N1", PlatformOrder.Kind.ORDINARY,
                "26118000000000000042", SCHOOL, "爱丽丝", null, RedLetterApplication.RedReason.ISSUED_IN_ERROR, List.of());

        JsonNode sent = json.valueToTree(NuonuoMessages.redConfirmApplyContent(whole));

        assertThat(sent).isEqualTo(json.readTree(NuonuoFixtures.RED_CONFIRM_APPLY_REQUEST));
        assertThat(NuonuoSchema.checkRedConfirm(sent, SELLER_TAX_ID)).isEmpty();
        assertThat(NuonuoMessages.redConfirmApplyAnswer(json.readTree(NuonuoFixtures.RED_CONFIRM_APPLY_ANSWER)))
                .isEqualTo("13123123123123123");
    }

    @Test
    void aPartialRedLetterConfirmationNamesTheBlueLineAndNegativeAmounts() throws Exception {
        RedLetterApplication partial = new RedLetterApplication("FFRC8N1", "FFR8N1", PlatformOrder.Kind.SPECIAL,
                "26118000000000000043", SCHOOL, "北京某某科技有限公司", "91110108351303601C",
                RedLetterApplication.RedReason.SALES_RETURN, List.of(new RedLetterApplication.Line(2, "*图书*Python 教程",
                        "1060201010000000000", new BigDecimal("0.09"), new BigDecimal("-100.00"), new BigDecimal("-9.00"))));

        assertThat((JsonNode) json.valueToTree(NuonuoMessages.redConfirmApplyContent(partial)))
                .isEqualTo(json.readTree(NuonuoFixtures.RED_CONFIRM_APPLY_PARTIAL_REQUEST));
    }

    @Test
    void theRedLetterOfAPaperInvoiceNamesThePaperKindAndIsAskedForWithFastInvoiceRed() throws Exception {
        RedLetterApplication paper = new RedLetterApplication("FFRC9N1", "FFR9N1", PlatformOrder.Kind.SPECIAL, true,
                "26118000000000000044", SCHOOL, "北京某某科技有限公司", "91110108351303601C",
                RedLetterApplication.RedReason.ISSUED_IN_ERROR, List.of());
        RedLetterConfirmation confirmed = new RedLetterConfirmation("FFRC9N1", "1403011906000994",
                RedLetterConfirmation.State.NO_CONFIRMATION_NEEDED, "FFR9N1", null);

        JsonNode applied = json.valueToTree(NuonuoMessages.redConfirmApplyContent(paper));
        JsonNode fastRed = json.valueToTree(NuonuoMessages.fastRedContent("FFR9N1", Instant.parse("2026-11-02T02:15:00Z"),
                paper, confirmed));

        assertThat(applied).isEqualTo(json.readTree(NuonuoFixtures.RED_CONFIRM_APPLY_PAPER_REQUEST));
        assertThat(NuonuoSchema.checkRedConfirm(applied, SELLER_TAX_ID)).isEmpty();
        assertThat(fastRed).isEqualTo(json.readTree(NuonuoFixtures.FAST_RED_PAPER_REQUEST));
        assertThat(NuonuoSchema.checkFastRed(fastRed, SELLER_TAX_ID)).isEmpty();
        NuonuoMessages.requireOk(json.readTree(NuonuoFixtures.FAST_RED_ANSWER));
    }

    @Test
    void everyKindHasThePlatformsLineCode() {
        assertThat(PlatformOrder.invoiceLine(PlatformOrder.Kind.ORDINARY, false)).isEqualTo("pc");
        assertThat(PlatformOrder.invoiceLine(PlatformOrder.Kind.SPECIAL, false)).isEqualTo("bs");
        assertThat(PlatformOrder.invoiceLine(PlatformOrder.Kind.ORDINARY, true)).isEqualTo("ec");
        assertThat(PlatformOrder.invoiceLine(PlatformOrder.Kind.SPECIAL, true)).isEqualTo("es");
    }

    @Test
    void ourReasonsAreSentWithThePlatformsNumbers() {
        assertThat(NuonuoMessages.redReason(RedLetterApplication.RedReason.SALES_RETURN)).isEqualTo("1");
        assertThat(NuonuoMessages.redReason(RedLetterApplication.RedReason.ISSUED_IN_ERROR)).isEqualTo("2");
        assertThat(NuonuoMessages.redReason(RedLetterApplication.RedReason.SERVICE_TERMINATED)).isEqualTo("3");
        assertThat(NuonuoMessages.redReason(RedLetterApplication.RedReason.SALES_ALLOWANCE)).isEqualTo("4");
    }

    @Test
    void theConfirmationQueryIsRequestedAsTheFixtureAndItsAnswerGivesStateAndRedSerial() throws Exception {
        assertThat((JsonNode) json.valueToTree(NuonuoMessages.redConfirmQueryContent("FFRC7N1")))
                .isEqualTo(json.readTree(NuonuoFixtures.RED_CONFIRM_QUERY_REQUEST));

        RedLetterConfirmation confirmation = NuonuoMessages.redConfirmQueryAnswer(
                json.readTree(NuonuoFixtures.RED_CONFIRM_QUERY_ANSWER), "FFRC7N1").orElseThrow();

        assertThat(confirmation.state()).isEqualTo(RedLetterConfirmation.State.NO_CONFIRMATION_NEEDED);
        assertThat(confirmation.billNo()).isEqualTo("1403011906000993");
        assertThat(confirmation.redSerial()).isEqualTo("FFR7N1");
        assertThat(NuonuoMessages.redConfirmQueryAnswer(json.readTree(NuonuoFixtures.RED_CONFIRM_QUERY_ANSWER), "other")).isEmpty();
    }

    @Test
    void everyDocumentedConfirmationStateIsKnownAndAnUnknownOneIsRefused() {
        assertThat(NuonuoMessages.state("01").allowsRedInvoice()).isTrue();
        assertThat(NuonuoMessages.state("04").allowsRedInvoice()).isTrue();
        assertThat(NuonuoMessages.state("02")).isEqualTo(RedLetterConfirmation.State.AWAITING_BUYER);
        assertThat(NuonuoMessages.state("03")).isEqualTo(RedLetterConfirmation.State.AWAITING_SELLER);
        for (String voided : List.of("05", "06", "07", "08", "09")) {
            assertThat(NuonuoMessages.state(voided).isFinal()).as(voided).isTrue();
        }
        assertThat(NuonuoMessages.state("15")).isEqualTo(RedLetterConfirmation.State.APPLYING);
        assertThat(NuonuoMessages.state("16").isFinal()).isTrue();
        assertThat(catchThrowableOfType(PlatformRefused.class, () -> NuonuoMessages.state("99"))).isNotNull();
    }

    @Test
    void theCancellationIsRequestedAsTheFixtureAndItsDocumentedAnswerIsSuccess() throws Exception {
        assertThat((JsonNode) json.valueToTree(NuonuoMessages.redConfirmCancelContent("FFRC7N1")))
                .isEqualTo(json.readTree(NuonuoFixtures.RED_CONFIRM_CANCEL_REQUEST));
        NuonuoMessages.requireOk(json.readTree(NuonuoFixtures.RED_CONFIRM_CANCEL_ANSWER));
    }

    @Test
    void theStrictSchemaRefusesWhatTheDocumentationRefuses() throws Exception {
        ObjectNode noClerk = fixture();
        ((ObjectNode) noClerk.path("order")).remove("clerk");
        assertThat(codes(noClerk)).containsExactly("E4000");

        ObjectNode badDate = fixture();
        ((ObjectNode) badDate.path("order")).put("invoiceDate", "2026/11/02");
        assertThat(codes(badDate)).containsExactly("E4000");

        ObjectNode notAddingUp = fixture();
        detail(notAddingUp).put("taxIncludedAmount", "1999.01");
        assertThat(codes(notAddingUp)).containsExactly("E9130");

        ObjectNode taxOff = fixture();
        detail(taxOff).put("tax", "113.22").put("taxExcludedAmount", "1885.78").put("price", "1885.78");
        assertThat(codes(taxOff)).as("113.22 is 0.07 off 6% of 1885.78").containsExactly("E9131");

        ObjectNode withinTolerance = fixture();
        detail(withinTolerance).put("tax", "113.20").put("taxExcludedAmount", "1885.80").put("price", "1885.8");
        assertThat(codes(withinTolerance)).as("0.052 off is within the documented 0.06").isEmpty();

        ObjectNode unknownKind = fixture();
        ((ObjectNode) unknownKind.path("order")).put("invoiceLine", "NORMAL");
        assertThat(codes(unknownKind)).containsExactly("E4000");

        ObjectNode unknownRate = fixture();
        detail(unknownRate).put("taxRate", "6%");
        assertThat(codes(unknownRate)).containsExactly("E4000");

        ObjectNode noGoodsCode = fixture();
        detail(noGoodsCode).remove("goodsCode");
        assertThat(codes(noGoodsCode)).containsExactly("E9121");

        assertThat(NuonuoSchema.checkIssue(fixture(), "91440101MA5APD8X8J")).extracting(NuonuoSchema.Refusal::code)
                .as("another seller than the account's").containsExactly("E9302");
    }

    private ObjectNode fixture() throws Exception {
        return (ObjectNode) json.readTree(NuonuoFixtures.ISSUE_ORDINARY_REQUEST);
    }

    private static ObjectNode detail(ObjectNode content) {
        return (ObjectNode) content.path("order").path("invoiceDetail").get(0);
    }

    private static List<String> codes(JsonNode content) {
        return NuonuoSchema.checkIssue(content, SELLER_TAX_ID).stream().map(NuonuoSchema.Refusal::code).toList();
    }

    private static String refusalOf(PlatformOrder order) {
        PlatformRefused refused = catchThrowableOfType(PlatformRefused.class, () -> NuonuoMessages.issueContent(order));
        assertThat(refused).as("refused before sending").isNotNull();
        assertThat(refused.code()).isEqualTo(NuonuoMessages.LOCAL);
        return refused.getMessage();
    }

    static PlatformOrder ordinary(String serial) {
        return new PlatformOrder(serial, PlatformOrder.Kind.ORDINARY, Instant.parse("2026-11-02T02:15:00Z"), SCHOOL,
                new PlatformOrder.Buyer("爱丽丝", null, null, null, null, "alice@example.com"), null,
                List.of(line("*非学历教育服务*Python 入门课", "3070201020000000000", null, "1", "1885.85000000", "0.06", "1885.85", "113.15")),
                new BigDecimal("1999.00"));
    }

    private static PlatformOrder withSerial(String serial) {
        return ordinary(serial);
    }

    static PlatformOrder.Line line(String name, String code, String unit, String quantity, String price, String rate, String net,
            String tax) {
        BigDecimal netAmount = new BigDecimal(net);
        BigDecimal taxAmount = new BigDecimal(tax);
        return new PlatformOrder.Line(name, code, unit, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(rate),
                netAmount, taxAmount, netAmount.add(taxAmount));
    }

    @Test
    void theDocumentedResultCallbackReadsAsAHintAboutOurOrderAndNothingMore() throws Exception {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : NuonuoFixtures.CALLBACK_FORM.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }

        NuonuoMessages.CallbackHint hint = NuonuoMessages.callbackOf(form.get("operater"), form.get("orderno"),
                json.readTree(form.get("content"))).orElseThrow();

        assertThat(hint.serial()).isEqualTo("FF1024P1");
        assertThat(hint.claimedStatus()).isEqualTo("1");
        assertThat(hint.claimedNumber()).isEqualTo("26117000000000012345");
        assertThat(NuonuoMessages.callbackOf(form.get("operater"), null, json.readTree(form.get("content"))))
                .as("the order number of the content when orderno is missing").get()
                .extracting(NuonuoMessages.CallbackHint::serial).isEqualTo("FF1024P1");
        assertThat(NuonuoMessages.callbackOf("invoiceCancel", "FF1024P1", null)).as("another operation").isEmpty();
        assertThat(NuonuoMessages.callbackOf("callback", "FF1024P1' or 1=1", null)).as("no order of ours").isEmpty();
        assertThat(NuonuoMessages.callbackOf("callback", null, null)).as("no order at all").isEmpty();
    }
}
