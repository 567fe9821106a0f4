package dev.fapiaoflow.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.verification.ForeignCheckAnswer;
import dev.fapiaoflow.verification.ForeignInvoiceStatus;

/**
 * Tencent Cloud OCR {@code VatInvoiceVerifyNew} (https://cloud.tencent.com/document/api/866/73674): the request we send
 * against the documentation's example input (InvoiceNo 04000000, InvoiceDate 2019-12-11, InvoiceCode 1300000000,
 * InvoiceKind 04, CheckCode 921630), the documentation's example answer (its VatInvoice fields, see
 * verify-new-answer.json) and error codes read as the documentation means them, and the strict simulator refusing
 * what the provider refuses.
 */
class TencentContractTest {

    private static final String SECRET_ID = "AKIDsimulatorTEST";
    private static final String SECRET_KEY = "simulator-secret-key";
    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private TencentOcrSimulator simulator;
    private LocalDate today;

    @BeforeEach
    void startSimulator() throws IOException {
        simulator = new TencentOcrSimulator(properties(SECRET_KEY, ""), json, Clock.fixed(NOW, ZoneOffset.UTC));
        today = LocalDate.ofInstant(NOW, TimeConfig.CHINA);
    }

    @AfterEach
    void stopSimulator() {
        simulator.destroy();
    }

    @Test
    void sendsTheDocumentedExampleRequest() throws IOException {
        ForeignInvoiceQuery query = ForeignInvoiceQuery.parse("04", "1300000000", "04000000", "2019-12-11", null, null, "921630",
                LocalDate.of(2020, 1, 1));

        assertThat(json.readTree(TencentMessages.request(json, query))).isEqualTo(fixture("verify-new-request.json"));
    }

    @Test
    void sends数电KindsAsTencentsElectronicKindsWith价税合计() throws IOException {
        ForeignInvoiceQuery query = ForeignInvoiceQuery.parse(null, null, "25110000000000004711", "2026-11-03", "1060.00", null, null, today);

        JsonNode sent = json.readTree(TencentMessages.request(json, query));

        assertThat(sent.get("InvoiceKind").asText()).isEqualTo("10");
        assertThat(sent.get("Amount").asText()).isEqualTo("1060.00");
        assertThat(sent.has("InvoiceCode")).isFalse();
        assertThat(sent.has("CheckCode")).isFalse();
    }

    @Test
    void readsTheDocumentedExampleAnswer() throws IOException {
        ForeignInvoiceQuery query = ForeignInvoiceQuery.parse("04", "1300000000", "04000000", "2019-12-11", null, null, "921630",
                LocalDate.of(2020, 1, 1));

        ForeignCheckAnswer answer = TencentMessages.answer(fixture("verify-new-answer.json"), query, NOW);

        assertThat(answer.result()).isEqualTo(ForeignCheckAnswer.Result.MATCH);
        assertThat(answer.status()).isEqualTo(ForeignInvoiceStatus.NORMAL);
        assertThat(answer.checkedAt()).isEqualTo(NOW);
        assertThat(answer.invoice().sellerName()).isEqualTo("石家庄市XXX石油经销有限公司");
        assertThat(answer.invoice().sellerTaxId()).isEqualTo("911301047981234567");
        assertThat(answer.invoice().buyerName()).isEqualTo("栾城区xxx厂");
        assertThat(answer.invoice().issueDate()).isEqualTo("2019-12-11");
        assertThat(answer.invoice().amountExcludingTax()).isEqualTo("88.50");
        assertThat(answer.invoice().items()).singleElement().satisfies(item -> {
            assertThat(item.taxRate()).isEqualTo("13%");
            assertThat(item.amount()).isEqualTo("88.50");
        });
    }

    @Test
    void readsTheDocumentedErrorCodes() throws IOException {
        ForeignInvoiceQuery query = ForeignInvoiceQuery.parse("04", "1300000000", "04000000", "2019-12-11", null, null, "921630",
                LocalDate.of(2020, 1, 1));

        assertThat(TencentMessages.answer(fixture("error-mismatch.json"), query, NOW).result()).isEqualTo(ForeignCheckAnswer.Result.MISMATCH);
        assertThat(TencentMessages.answer(fixture("error-no-invoice.json"), query, NOW).result())
                .isEqualTo(ForeignCheckAnswer.Result.NOT_FOUND);
        assertThatThrownBy(() -> TencentMessages.answer(fixture("error-count-limit.json"), query, NOW))
                .isInstanceOf(InvoiceVerificationProvider.ProviderLimitReached.class);
    }

    @Test
    void mapsEveryDocumentedIsAbandonedValue() {
        assertThat(TencentMessages.status("N")).isEqualTo(ForeignInvoiceStatus.NORMAL);
        assertThat(TencentMessages.status("Y")).isEqualTo(ForeignInvoiceStatus.VOIDED);
        assertThat(TencentMessages.status("H")).isEqualTo(ForeignInvoiceStatus.RED_FLUSHED);
        assertThat(TencentMessages.status("HF")).isEqualTo(ForeignInvoiceStatus.RED_FLUSHED);
        assertThat(TencentMessages.status("HP")).isEqualTo(ForeignInvoiceStatus.PARTIALLY_RED_FLUSHED);
        assertThat(TencentMessages.status("?")).isEqualTo(ForeignInvoiceStatus.ABNORMAL);
    }

    @Test
    void checksA数电InvoiceEndToEndThroughTheSignedCall() {
        simulator.register(digitalInvoice("N"));

        InvoiceVerificationProvider.Checked checked = verifier(SECRET_KEY, NOW).check(digitalQuery("1060.00"));

        assertThat(checked.answer().result()).isEqualTo(ForeignCheckAnswer.Result.MATCH);
        assertThat(checked.answer().status()).isEqualTo(ForeignInvoiceStatus.NORMAL);
        assertThat(checked.answer().invoice().totalAmount()).isEqualTo("1060.00");
        assertThat(checked.raw()).contains("\"RequestId\"");
    }

    @Test
    void the数电AmountIs价税合计NotTheAmountWithoutTax() {
        simulator.register(digitalInvoice("N"));

        assertThat(verifier(SECRET_KEY, NOW).check(digitalQuery("1000.00")).answer().result())
                .isEqualTo(ForeignCheckAnswer.Result.MISMATCH);
    }

    @Test
    void anOldOrdinaryInvoiceIsCheckedByTheLastSixDigitsOfItsCheckCode() {
        simulator.register(new TencentOcrSimulator.SimInvoice("011002100111", "12345678", LocalDate.of(2026, 10, 8), "04",
                new BigDecimal("100.00"), new BigDecimal("6.00"), "12345678901234567890", "某某培训有限公司", "91110108MA01XYZ12K",
                "北京某学校", "12110000400000000X", "N"));
        ForeignInvoiceQuery query = ForeignInvoiceQuery.parse("04", "011002100111", "12345678", "2026-10-08", null, null,
                "12345678901234567890", today);

        assertThat(verifier(SECRET_KEY, NOW).check(query).answer().result()).isEqualTo(ForeignCheckAnswer.Result.MATCH);
    }

    @Test
    void simulatorRefusesAWrongSignature() {
        simulator.register(digitalInvoice("N"));

        assertThatThrownBy(() -> verifier(SECRET_KEY + "-wrong", NOW).check(digitalQuery("1060.00")))
                .isInstanceOf(InvoiceVerificationProvider.ProviderUnavailable.class)
                .hasMessageContaining("AuthFailure.SignatureFailure");
    }

    @Test
    void simulatorRefusesAStaleTimestamp() {
        assertThatThrownBy(() -> verifier(SECRET_KEY, NOW.minus(Duration.ofMinutes(6))).check(digitalQuery("1060.00")))
                .isInstanceOf(InvoiceVerificationProvider.ProviderUnavailable.class)
                .hasMessageContaining("AuthFailure.SignatureExpire");
    }

    @Test
    void simulatorRefusesMissingAndMalformedFieldsWithTencentsCodes() throws Exception {
        assertThat(send("{\"InvoiceDate\":\"2026-11-03\"}")).isEqualTo("MissingParameter");
        assertThat(send("{\"InvoiceNo\":\"123\",\"InvoiceDate\":\"2026-11-03\",\"Amount\":\"1\"}"))
                .isEqualTo("InvalidParameterValue.TicketSnParameterValueLimit");
        assertThat(send("{\"InvoiceNo\":\"25110000000000004711\",\"InvoiceDate\":\"2026/11/03\",\"Amount\":\"1\"}"))
                .isEqualTo("InvalidParameterValue.TicketDateParameterValueLimit");
        assertThat(send("{\"InvoiceNo\":\"25110000000000004711\",\"InvoiceDate\":\"" + today + "\",\"Amount\":\"1\"}"))
                .isEqualTo("ResourceNotFound.NotSupportCurrentInvoiceQuery");
        assertThat(send("{\"InvoiceNo\":\"12345678\",\"InvoiceDate\":\"2026-11-03\",\"InvoiceKind\":\"04\",\"Amount\":\"1\"}"))
                .isEqualTo("InvalidParameterValue.TicketCodeParameterValueLimit");
        assertThat(send("{\"InvoiceNo\":\"25110000000000004711\",\"InvoiceDate\":\"2026-11-03\",\"InvoiceKind\":\"31\",\"Amount\":\"1\"}"))
                .isEqualTo("InvalidParameterValue.InvalidParameterValueLimit");
    }

    @Test
    void simulatorRefusesTheWrongAmountKindForTheInvoiceKind() throws Exception {
        // an ordinary invoice is checked by its check code: an amount instead is refused, as Tencent documents it
        assertThat(send("{\"InvoiceNo\":\"12345678\",\"InvoiceCode\":\"011002100111\",\"InvoiceDate\":\"2026-10-08\","
                + "\"InvoiceKind\":\"04\",\"Amount\":\"100.00\"}")).isEqualTo("InvalidParameterValue.PriceOrVerificationParameterValueLimit");
        // a special invoice by its amount without tax: a check code alone is refused
        assertThat(send("{\"InvoiceNo\":\"12345678\",\"InvoiceCode\":\"011002100111\",\"InvoiceDate\":\"2026-10-08\","
                + "\"InvoiceKind\":\"01\",\"CheckCode\":\"567890\"}")).isEqualTo("InvalidParameterValue.PriceOrVerificationParameterValueLimit");
    }

    @Test
    void simulatorAllowsFiveChecksOfAnInvoiceADay() {
        simulator.register(digitalInvoice("N"));
        TencentInvoiceVerifier verifier = verifier(SECRET_KEY, NOW);
        for (int i = 0; i < TencentOcrSimulator.CHECKS_PER_DAY; i++) {
            verifier.check(digitalQuery("1060.00"));
        }

        assertThatThrownBy(() -> verifier.check(digitalQuery("1060.00"))).isInstanceOf(InvoiceVerificationProvider.ProviderLimitReached.class);
    }

    @Test
    void aProviderRefusalOfAFieldNamesOurField() {
        ForeignInvoiceQuery query = digitalQuery("1060.00");

        assertThatThrownBy(() -> TencentMessages.answer(json.readTree(
                "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameterValue.PriceOrVerificationParameterValueLimit\",\"Message\":\"x\"}}}"),
                query, NOW)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("totalAmount")));
    }

    private ForeignInvoiceQuery digitalQuery(String amount) {
        return ForeignInvoiceQuery.parse("32", null, "25110000000000004711", "2026-11-03", amount, null, null, today);
    }

    static TencentOcrSimulator.SimInvoice digitalInvoice(String status) {
        return new TencentOcrSimulator.SimInvoice(null, "25110000000000004711", LocalDate.of(2026, 11, 3), "10", new BigDecimal("1000.00"),
                new BigDecimal("60.00"), null, "上海某某咨询有限公司", "91310000MA1FL0000X", "北京某学校", "12110000400000000X", status);
    }

    private TencentInvoiceVerifier verifier(String secretKey, Instant now) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", Clock.fixed(now, ZoneOffset.UTC));
        return new TencentInvoiceVerifier(properties(secretKey, simulator.url()), beans.getBeanProvider(ProviderEndpoint.class), json,
                beans.getBeanProvider(Clock.class));
    }

    private static TencentProperties properties(String secretKey, String endpoint) {
        return new TencentProperties(SECRET_ID, secretKey, "ap-guangzhou", endpoint, Duration.ofSeconds(5));
    }

    /** a correctly signed call with this body; the error code the simulator answers, or "" */
    private String send(String body) throws Exception {
        URI uri = URI.create(simulator.url() + "/");
        String contentType = TencentInvoiceVerifier.CONTENT_TYPE;
        long timestamp = NOW.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .header("X-TC-Action", "VatInvoiceVerifyNew").header("X-TC-Version", "2018-11-19")
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("Authorization", Tc3Signer.authorization(SECRET_ID, SECRET_KEY, "ocr", uri.getHost() + ":" + uri.getPort(),
                        contentType, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).path("Response").path("Error").path("Code").asText();
    }

    private JsonNode fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/verification/tencent/" + name)) {
            return json.readTree(in);
        }
    }
}
