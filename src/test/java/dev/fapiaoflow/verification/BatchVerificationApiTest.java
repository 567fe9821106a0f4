package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.security.UserAdministration;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.verification.internal.BatchFiles;
import dev.fapiaoflow.verification.internal.TencentOcrSimulator;
import dev.fapiaoflow.verification.internal.VerificationProperties;

/** API.md "Verification", batch: real invoices, real uploads over HTTP, the job executor doing the work. */
class BatchVerificationApiTest extends SpringTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    UserAdministration users;
    @org.springframework.beans.factory.annotation.Autowired
    VerificationProperties properties;
    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.HistoryService history;

    @org.springframework.beans.factory.annotation.Autowired
    TencentOcrSimulator authority;

    private BatchUploadClient batches() {
        return new BatchUploadClient(this::client);
    }

    @Test
    void csvWithAMatchAMismatchANotFoundAndMalformedRowsIsDoneWithTheRightCountsAndResultFile() {
        JsonNode matching = new IssuedInvoices(this::client).forAlice("1234.00");
        JsonNode mismatching = new IssuedInvoices(this::client).forAlice("1235.00");
        String unissued = unissuedNumber();
        byte[] csv = BatchFiles.csv(
                row(matching, "1234.00"),
                row(mismatching, "1235.01"),
                unissued + ",2026-11-03,1.00",
                matching.get("number").asText() + ",2026-02-30,1234.00",
                matching.get("number").asText() + "," + matching.get("issueDate").asText() + ",",
                "=HYPERLINK(\"http://evil.example\"),2026-11-03,1.00");

        long job = batches().accepted("alice", "发票.csv", csv);
        JsonNode status = batches().awaitDone("alice", job);

        assertThat(status.toString()).isEqualTo(
                "{\"status\":\"DONE\",\"total\":6,\"done\":6,\"matched\":1,\"mismatched\":1,\"notFound\":1,\"errors\":3}");
        List<String> lines = resultLines("alice", job);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).isEqualTo("2," + row(matching, "1234.00") + ",MATCH,NORMAL,");
        assertThat(lines.get(2)).isEqualTo("3," + row(mismatching, "1235.01") + ",MISMATCH,,");
        assertThat(lines.get(3)).as("none of ours: asked of the configured provider (the simulator), which has no such invoice")
                .isEqualTo("4," + unissued + ",2026-11-03,1.00,NOT_FOUND,,非本系统开具，已经发票查验服务商（tencent）查验");
        assertThat(lines.get(4)).startsWith("5,").contains(",ERROR,,").contains("开票日期");
        assertThat(lines.get(5)).startsWith("6,").contains(",ERROR,,").contains("请填写价税合计");
        assertThat(lines.get(6)).startsWith("7,\"'=HYPERLINK(").contains(",ERROR,,");
    }

    @Test
    void batchChecksAreRecordedInTheUploadersHistoryLikeSingleOnes() {
        String unissued = unissuedNumber();

        batches().awaitDone("manager", batches().accepted("manager", "one.csv", BatchFiles.csv(unissued + ",2026-11-03,1.00")));

        JsonNode history = client("manager").get().uri("/api/verifications/history?size=5").retrieve().body(JsonNode.class);
        assertThat(history.get(0).get("number").asText()).isEqualTo(unissued);
        assertThat(history.get(0).get("result").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void xlsxWithDateAndNumberCellsIsCheckedLikeCsv() {
        JsonNode matching = new IssuedInvoices(this::client).forAcme("2468.00");
        JsonNode mismatching = new IssuedInvoices(this::client).forAcme("2469.00");
        byte[] xlsx = BatchFiles.xlsx(cells(matching, "2468"), cells(mismatching, "2470.5"),
                new String[] { unissuedNumber(), "2026-11-03", "9.90" }, new String[] { "12345", "not a date", "" });

        long job = batches().accepted("acme", "发票.xlsx", xlsx);

        assertThat(batches().awaitDone("acme", job).toString()).isEqualTo(
                "{\"status\":\"DONE\",\"total\":4,\"done\":4,\"matched\":1,\"mismatched\":1,\"notFound\":1,\"errors\":1}");
        List<String> lines = resultLines("acme", job);
        assertThat(lines.get(1)).endsWith(",2468.00,MATCH,NORMAL,");
        assertThat(lines.get(4)).startsWith("5,12345,not a date,,ERROR,,");
    }

    @Test
    void someoneElsesBatchIsNotFoundAndSoIsItsResult() {
        long job = batches().accepted("alice", "a.csv", BatchFiles.csv(unissuedNumber() + ",2026-11-03,1.00"));

        assertThat(batches().status("acme", job).getStatusCode().value()).isEqualTo(404);
        assertThat(batches().result("acme", job).getStatusCode().value()).isEqualTo(404);
        assertThat(batches().status("alice", Long.MAX_VALUE).getStatusCode().value()).isEqualTo(404);
        assertThat(batches().status("alice", job).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void unreadableUploadsGet400ProblemDetailsSayingWhy() {
        byte[] garbage = new byte[2048];
        ThreadLocalRandom.current().nextBytes(garbage);
        garbage[0] = 0;

        assertRefused("number,amount\n1,2\n".getBytes(StandardCharsets.UTF_8), "第一行应为列名 number,issueDate,totalAmount");
        assertRefused(new byte[0], "文件为空");
        assertRefused(BatchFiles.HEADER.getBytes(StandardCharsets.UTF_8), "没有数据行");
        assertRefused(garbage, "不是 CSV 或 XLSX 文件");
    }

    /**
     * The upload is read in the request, so a refusal answers in the uploader's language. Rows are checked later by
     * the batch job, where nobody asked for a language: the stored result file is in the product's language, like
     * every text that outlives its request (shared.Texts#inProductLanguage), whatever language the upload asked for.
     */
    @Test
    void aRefusalAnswersInTheUploadersLanguageAndTheResultFileInTheProducts() {
        byte[] badHeader = "number,amount\n1,2\n".getBytes(StandardCharsets.UTF_8);

        ResponseEntity<JsonNode> english = batches().upload("alice", "a.csv", badHeader, "en");
        assertThat(english.getStatusCode().value()).isEqualTo(400);
        assertThat(english.getBody().get("detail").asText())
                .isEqualTo("The first row must name the columns number,issueDate,totalAmount");
        ResponseEntity<JsonNode> chinese = batches().upload("alice", "a.csv", badHeader, null);
        assertThat(chinese.getStatusCode().value()).isEqualTo(400);
        assertThat(chinese.getBody().get("detail").asText()).isEqualTo("第一行应为列名 number,issueDate,totalAmount");
        assertThat(batches().upload("alice", "a.csv", new byte[0], "en").getBody().get("detail").asText())
                .isEqualTo("The file is empty");

        long job = batches().accepted("alice", "a.csv", BatchFiles.csv(unissuedNumber() + ",2026-11-03,"), "en");
        batches().awaitDone("alice", job);
        assertThat(resultLines("alice", job).get(1)).startsWith("2,").contains(",ERROR,,").contains("请填写价税合计");
    }

    @Test
    void zipBombGets413SayingWhy() {
        ResponseEntity<JsonNode> response = batches().upload("alice", "upload.xlsx", BatchFiles.zipBomb());

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("detail").asText()).contains("zip bomb");
        assertThat(response.getBody().get("reason").asText()).isEqualTo("COMPRESSION_RATIO");
    }

    @Test
    void fileOverTheSizeLimitGets413() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');

        ResponseEntity<JsonNode> response = batches().upload("alice", "big.csv", big);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void brokenMultipartBodyGets400() {
        ResponseEntity<String> response = client("alice").post().uri("/api/verifications/batch")
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=xyz")).body("--xyz\r\ngarbage")
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void uploadThatIsNotMultipartGets415AndAnonymousCallersGet401() {
        ResponseEntity<JsonNode> json = client("alice").post().uri("/api/verifications/batch").contentType(MediaType.APPLICATION_JSON)
                .body("{}").retrieve().toEntity(JsonNode.class);
        ResponseEntity<String> anonymous = org.springframework.web.client.RestClient.create("http://localhost:" + port).get()
                .uri("/api/verifications/batch/1").retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);

        assertThat(json.getStatusCode().value()).isEqualTo(415);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aBatchOfMismatchingRowsLocksTheNumberForItsOwnerOnly() {
        JsonNode invoice = new IssuedInvoices(this::client).forAlice("77.00");
        String[] lines = new String[7];
        Arrays.fill(lines, 0, 6, row(invoice, "77.01"));
        lines[6] = row(invoice, "77.00");

        long job = batches().accepted("manager", "guesses.csv", BatchFiles.csv(lines));
        batches().awaitDone("manager", job);

        List<String> results = resultLines("manager", job);
        assertThat(results.subList(1, 6)).allMatch(line -> line.endsWith(",MISMATCH,,"));
        assertThat(results.get(6)).contains(",LOCKED,");
        assertThat(results.get(7)).as("locked for its owner even when right").contains(",LOCKED,");
        assertThat(single("manager", invoice, "77.00").getStatusCode().value()).as("the owner's single checks too").isEqualTo(429);

        assertThat(single("acme", invoice, "77.00").getBody().get("result").asText()).as("another user").isEqualTo("MATCH");
        assertThat(single("alice", invoice, "77.00").getBody().get("result").asText()).as("the invoice's owner").isEqualTo("MATCH");
    }

    @Test
    void aBatchOfAnOwnerOverTheRateLimitWaitsForItInsteadOfGoingRoundIt() {
        String owner = "ratelimited" + ThreadLocalRandom.current().nextInt(1_000_000);
        users.create(new UserAdministration.NewUser(owner, "Batch", "Owner", null, "a-long-password", List.of(Groups.CUSTOMER)));
        RestClient ownClient = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(owner, "a-long-password"))
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        BatchUploadClient ownBatches = new BatchUploadClient(user -> ownClient);
        int singles = 0;
        while (singles++ <= 2 * properties.rateLimit().userPerMinute()
                && ownClient.post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON)
                        .body(java.util.Map.of("number", unissuedNumber(), "issueDate", "2026-11-03", "totalAmount", "1.00"))
                        .retrieve().toBodilessEntity().getStatusCode().value() != 429) {
            // spend the owner's checks for the minute
        }
        String[] lines = new String[8];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = unissuedNumber() + ",2026-11-03,1.00";
        }

        long job = ownBatches.accepted(owner, "after-the-limit.csv", BatchFiles.csv(lines));
        JsonNode done = ownBatches.awaitDone(owner, job);

        assertThat(done.get("notFound").asInt()).as("every row checked in the end").isEqualTo(lines.length);
        String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("batch-" + job).singleResult().getId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(VerificationBatchProcess.Elements.WAIT_FOR_RATE).count())
                .as("the batch waited for the owner's rate to refill").isPositive();
    }

    private ResponseEntity<JsonNode> single(String user, JsonNode invoice, String total) {
        return client(user).post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON)
                .body(java.util.Map.of("number", invoice.get("number").asText(), "issueDate", invoice.get("issueDate").asText(),
                        "totalAmount", total))
                .retrieve().toEntity(JsonNode.class);
    }

    private void assertRefused(byte[] content, String reason) {
        ResponseEntity<JsonNode> response = batches().upload("alice", "upload.xlsx", content);
        assertThat(response.getStatusCode().value()).as(reason).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("detail").asText()).contains(reason);
    }

    private List<String> resultLines(String user, long job) {
        ResponseEntity<byte[]> result = batches().result(user, job);
        assertThat(result.getStatusCode().value()).isEqualTo(200);
        assertThat(result.getHeaders().getContentType().toString()).startsWith("text/csv");
        byte[] bytes = result.getBody();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        return List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
    }

    private static String row(JsonNode invoice, String total) {
        return invoice.get("number").asText() + "," + invoice.get("issueDate").asText() + "," + total;
    }

    private static String[] cells(JsonNode invoice, String total) {
        return new String[] { invoice.get("number").asText(), invoice.get("issueDate").asText(), total };
    }

    /** A well-formed number of a year (2099) we have not issued in. */
    @Test
    void aRowOfAnInvoiceWeDidNotIssueIsCheckedThroughTheProviderWithItsStatus() {
        String number = unissuedNumber();
        LocalDate issued = LocalDate.now(TimeConfig.CHINA).minusDays(6);
        authority.register(new TencentOcrSimulator.SimInvoice(null, number, issued, "10",
                new BigDecimal("100.00"), new BigDecimal("6.00"), null, "某某书店有限公司", "91110105MA00000001",
                "北京某学校", "12110000400000000X", "HP"));
        byte[] csv = BatchFiles.csv(number + "," + issued + ",106.00", number + "," + issued + ",107.00");

        long job = batches().accepted("alice", "received.csv", csv);
        JsonNode status = batches().awaitDone("alice", job);

        assertThat(status.get("matched").asInt()).isEqualTo(1);
        assertThat(status.get("mismatched").asInt()).isEqualTo(1);
        List<String> lines = resultLines("alice", job);
        assertThat(lines.get(1)).isEqualTo("2," + number + "," + issued + ",106.00,MATCH,PARTIALLY_RED_FLUSHED,非本系统开具，已经发票查验服务商（tencent）查验");
        assertThat(lines.get(2)).startsWith("3,").contains(",MISMATCH,,");
    }

    private static String unissuedNumber() {
        return "9911" + String.format("%016d", ThreadLocalRandom.current().nextLong(10_000_000_000_000_000L));
    }
}
