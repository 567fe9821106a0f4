package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.verification.internal.TencentOcrSimulator;
import dev.fapiaoflow.verification.internal.TencentOcrSimulator.SimInvoice;

/**
 * Invoices we did not issue, checked through the configured provider (Tencent Cloud's VatInvoiceVerifyNew, the strict
 * simulator here): uploaded files made by other software, 数电 and old-style inputs per kind, the answer a finance
 * clerk needs, repeated checks answered from our record, the national daily limit.
 */
class ForeignInvoiceApiTest extends SpringTestBase {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final LocalDate ISSUED = LocalDate.now(TimeConfig.CHINA).minusDays(3);

    @Autowired
    TencentOcrSimulator authority;

    @Test
    void aPdfMadeByOtherSoftwareAnswersTheFieldsOfItsQrCodeAndTheProvidersCheck() {
        SimInvoice invoice = digital("N");
        authority.register(invoice);
        byte[] pdf = ForeignInvoiceFiles.pdfWithQrCode(ForeignInvoiceFiles.qrText("32", null, invoice.number(), "1060.00",
                ISSUED.format(DateTimeFormatter.BASIC_ISO_DATE), null));

        JsonNode verdict = upload(pdf).getBody();

        assertThat(verdict.get("result").asText()).isEqualTo("NOT_OURS");
        assertThat(verdict.at("/invoice/number").asText()).isEqualTo(invoice.number());
        assertThat(verdict.at("/invoice/issueDate").asText()).isEqualTo(ISSUED.toString());
        assertThat(new BigDecimal(verdict.at("/invoice/totalAmount").asText())).isEqualByComparingTo("1060.00");
        assertThat(verdict.at("/invoice/kind").asText()).isEqualTo("32");
        assertThat(verdict.at("/check/result").asText()).isEqualTo("MATCH");
        assertThat(verdict.at("/check/status").asText()).isEqualTo("NORMAL");
        assertThat(verdict.at("/check/invoice/sellerName").asText()).isEqualTo("上海某某咨询有限公司");
        // an anonymous uploader sees the buyer masked, and not its tax ID
        assertThat(verdict.at("/check/invoice/buyerName").asText()).contains("*");
        assertThat(verdict.at("/check/invoice/buyerTaxId").isMissingNode()).isTrue();
    }

    @Test
    void aFinanceClerkChecksA数电InvoiceByNumberDateAnd价税合计() {
        SimInvoice invoice = digital("N");
        authority.register(invoice);

        JsonNode answer = check("reviewer", Map.of("number", invoice.number(), "issueDate", ISSUED.toString(), "totalAmount", "1060.00"))
                .getBody();

        assertThat(answer.get("provider").asText()).isEqualTo("tencent");
        assertThat(answer.get("result").asText()).isEqualTo("MATCH");
        assertThat(answer.get("status").asText()).isEqualTo("NORMAL");
        assertThat(answer.get("fromRecord").asBoolean()).isFalse();
        assertThat(answer.get("checkedAt").asText()).isNotBlank();
        assertThat(answer.at("/invoice/sellerTaxId").asText()).isEqualTo("91310000MA1FL0000X");
        assertThat(answer.at("/invoice/buyerName").asText()).isEqualTo("北京某学校");
        assertThat(answer.at("/invoice/buyerTaxId").asText()).isEqualTo("12110000400000000X");
        assertThat(answer.at("/invoice/totalAmount").asText()).isEqualTo("1060.00");
        assertThat(answer.at("/invoice/items/0/taxRate").asText()).isEqualTo("6%");
    }

    @Test
    void anOldSpecialInvoiceIsCheckedByCodeNumberDateAndAmountWithoutTax() {
        SimInvoice invoice = old("01", null);
        authority.register(invoice);

        JsonNode answer = check("reviewer", Map.of("kind", "01", "code", invoice.code(), "number", invoice.number(),
                "issueDate", ISSUED.toString(), "amountExcludingTax", "100.00")).getBody();

        assertThat(answer.get("result").asText()).isEqualTo("MATCH");
        assertThat(answer.at("/invoice/code").asText()).isEqualTo(invoice.code());
    }

    @Test
    void anOldOrdinaryInvoiceIsCheckedByTheLastSixDigitsOfItsCheckCode() {
        SimInvoice invoice = old("04", "1234567890123" + String.format("%07d", SERIAL.incrementAndGet() % 10_000_000));
        authority.register(invoice);

        JsonNode right = check("reviewer", Map.of("kind", "04", "code", invoice.code(), "number", invoice.number(),
                "issueDate", ISSUED.toString(), "checkCode", invoice.checkCode().substring(14))).getBody();
        JsonNode wrong = check("reviewer", Map.of("kind", "04", "code", invoice.code(), "number", invoice.number(),
                "issueDate", ISSUED.toString(), "checkCode", "000000")).getBody();

        assertThat(right.get("result").asText()).isEqualTo("MATCH");
        assertThat(wrong.get("result").asText()).isEqualTo("MISMATCH");
        assertThat(wrong.has("invoice")).isFalse();
    }

    @Test
    void fieldsThatBreakTheRulesOfTheKindAre400WithEveryField() {
        ResponseEntity<JsonNode> answer = check("reviewer", Map.of("kind", "04", "code", "0110", "number", "12345678",
                "issueDate", ISSUED.toString()));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("code", "checkCode");
    }

    @Test
    void aRepeatedCheckWithTheSameFactsIsAnsweredFromOurRecord() {
        SimInvoice invoice = digital("N");
        authority.register(invoice);
        Map<String, String> body = Map.of("number", invoice.number(), "issueDate", ISSUED.toString(), "totalAmount", "1060.00");
        check("manager", body);
        int calls = authority.calls();

        JsonNode again = check("manager", body).getBody();

        assertThat(again.get("fromRecord").asBoolean()).isTrue();
        assertThat(again.get("result").asText()).isEqualTo("MATCH");
        assertThat(authority.calls()).isEqualTo(calls);
    }

    @Test
    void theNationalLimitOfFiveChecksPerInvoiceADayHoldsBeforeTheProviderIsAsked() {
        SimInvoice invoice = digital("N");
        authority.register(invoice);
        for (int i = 1; i <= 5; i++) {
            // different (wrong) amounts: none is answered from our record
            assertThat(check("reviewer", Map.of("number", invoice.number(), "issueDate", ISSUED.toString(), "totalAmount", i + ".00"))
                    .getBody().get("result").asText()).isEqualTo("MISMATCH");
        }
        int calls = authority.calls();

        ResponseEntity<JsonNode> sixth = check("reviewer", Map.of("number", invoice.number(), "issueDate", ISSUED.toString(),
                "totalAmount", "1060.00"));

        assertThat(sixth.getStatusCode().value()).isEqualTo(429);
        assertThat(sixth.getBody().get("type").asText()).endsWith("/daily-check-limit");
        assertThat(sixth.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(authority.calls()).isEqualTo(calls);
    }

    @Test
    void foreignChecksNeedALogin() {
        ResponseEntity<JsonNode> answer = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .post().uri("/api/verifications/foreign").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("number", "25110000000000004711", "issueDate", ISSUED.toString(), "totalAmount", "1.00"))
                .retrieve().toEntity(JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aReceivedInvoiceLandsInTheLedgerOnceAndASecondSubmissionIsFlaggedAsDuplicate() {
        SimInvoice invoice = digital("N");
        authority.register(invoice);
        Map<String, String> body = Map.of("number", invoice.number(), "issueDate", ISSUED.toString(), "totalAmount", "1060.00");

        ResponseEntity<JsonNode> first = client("reviewer").post().uri("/api/incoming-invoices").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> again = client("manager").post().uri("/api/incoming-invoices").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(JsonNode.class);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getBody().get("duplicate").asBoolean()).isFalse();
        assertThat(first.getBody().at("/entry/status").asText()).isEqualTo("NORMAL");
        assertThat(first.getBody().at("/entry/sellerName").asText()).isEqualTo("上海某某咨询有限公司");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("duplicate").asBoolean()).isTrue();
        assertThat(again.getBody().at("/entry/submissions").asInt()).isEqualTo(2);
        JsonNode ledger = client("reviewer").get().uri("/api/incoming-invoices").retrieve().body(JsonNode.class);
        assertThat(ledger.findValuesAsText("number")).containsOnlyOnce(invoice.number());
    }

    @Test
    void anUploadedFileOfAReceivedInvoiceIsCheckedAndKeptWithItsLedgerEntry() {
        SimInvoice invoice = digital("N");
        authority.register(invoice);
        byte[] pdf = ForeignInvoiceFiles.pdfWithQrCode(ForeignInvoiceFiles.qrText("32", null, invoice.number(), "1060.00",
                ISSUED.format(DateTimeFormatter.BASIC_ISO_DATE), null));
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "supplier.pdf";
            }
        });

        ResponseEntity<JsonNode> answer = client("reviewer").post().uri("/api/incoming-invoices/document")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(JsonNode.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getBody().at("/entry/number").asText()).isEqualTo(invoice.number());
        assertThat(answer.getBody().at("/entry/fileFormat").asText()).isEqualTo("PDF");
        assertThat(answer.getBody().at("/entry/fileSha256").asText()).hasSize(64);
    }

    @Test
    void theLedgerIsForFinanceOnly() {
        assertThat(client("alice").get().uri("/api/incoming-invoices").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(403);
    }

    private SimInvoice digital(String status) {
        String number = "2511" + String.format("%016d", SERIAL.incrementAndGet());
        return new SimInvoice(null, number, ISSUED, "10", new BigDecimal("1000.00"), new BigDecimal("60.00"), null, "上海某某咨询有限公司",
                "91310000MA1FL0000X", "北京某学校", "12110000400000000X", status);
    }

    private SimInvoice old(String kind, String checkCode) {
        String number = String.format("%08d", SERIAL.incrementAndGet() % 100_000_000);
        return new SimInvoice("011002100111", number, ISSUED, kind, new BigDecimal("100.00"), new BigDecimal("6.00"), checkCode,
                "某某培训有限公司", "91110108MA01XYZ12K", "北京某学校", "12110000400000000X", "N");
    }

    private ResponseEntity<JsonNode> check(String user, Map<String, String> body) {
        return client(user).post().uri("/api/verifications/foreign").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> upload(byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "invoice.pdf";
            }
        });
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .post().uri("/api/verifications/document").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().toEntity(JsonNode.class);
    }
}
