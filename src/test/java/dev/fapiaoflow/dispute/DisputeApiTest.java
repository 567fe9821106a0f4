package dev.fapiaoflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.OnMariaDbToo;
import dev.fapiaoflow.support.SpringTestBase;

/** API.md "Disputes" end to end on real invoices, with the job executor running the processes. */
class DisputeApiTest extends SpringTestBase {

    private IssuedInvoices invoices;
    private Disputes disputes;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void helpers() {
        invoices = new IssuedInvoices(this::client);
        disputes = new Disputes(this::client);
    }

    private static Map<String, Object> wrongTitle(String newTitle) {
        return Map.of("reason", "WRONG_TITLE", "description", "抬头写错了", "correction", Map.of("title", newTitle));
    }

    @Test

    @OnMariaDbToo("red-letter numbering on InnoDB's row lock")
    void aliceWrongTitleIsCorrectedByRedLetterAndReissueAndTheThreeLink() throws Exception {
        JsonNode original = invoices.forAlice("399.00");
        long originalId = original.get("id").asLong();

        long disputeId = disputes.raised("alice", originalId, wrongTitle("王爱丽"));
        JsonNode forAlice = disputes.get("alice", disputeId);
        assertThat(forAlice.get("status").asText()).isEqualTo("OPEN");
        assertThat(forAlice.get("correction").get("title").asText()).isEqualTo("王爱丽");
        assertThat(forAlice.get("recommendation").isNull()).as("the recommendation is for customer service").isTrue();
        JsonNode forService = disputes.await("service", disputeId, d -> d.hasNonNull("recommendation"), "recommended");
        assertThat(forService.get("recommendation").asText()).isEqualTo("correct");

        assertThat(disputes.resolve("service", disputeId, "correct", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode resolved = disputes.awaitStatus("alice", disputeId, "RESOLVED");
        assertThat(resolved.get("outcome").asText()).isEqualTo("CORRECTED");

        JsonNode flushed = disputes.invoice("alice", originalId);
        assertThat(flushed.get("status").asText()).isEqualTo("RED_FLUSHED");
        long redId = flushed.get("redLetterInvoiceIds").get(0).asLong();
        long reissuedId = flushed.get("replacedByInvoiceId").asLong();
        assertThat(resolved.get("redInvoiceId").asLong()).isEqualTo(redId);
        assertThat(resolved.get("reissuedInvoiceId").asLong()).isEqualTo(reissuedId);

        JsonNode red = disputes.invoice("alice", redId);
        assertThat(red.get("kind").asText()).isEqualTo("RED");
        assertThat(red.get("originalInvoiceId").asLong()).isEqualTo(originalId);
        assertThat(red.get("totalAmount").asText()).isEqualTo("-399.00");
        assertThat(new BigDecimal(red.get("taxAmount").asText()).add(new BigDecimal(original.get("taxAmount").asText()))).isZero();
        assertThat(red.get("redLetterReason").get("code").asText()).isEqualTo("01");
        assertThat(red.get("lines").get(0).get("amount").asText())
                .isEqualTo("-" + original.get("lines").get(0).get("amount").asText());

        JsonNode reissued = disputes.invoice("alice", reissuedId);
        assertThat(reissued.get("kind").asText()).isEqualTo("BLUE");
        assertThat(reissued.get("buyer").get("title").asText()).isEqualTo("王爱丽");
        assertThat(reissued.get("replacesInvoiceId").asLong()).isEqualTo(originalId);
        assertThat(reissued.get("totalAmount").asText()).isEqualTo("399.00");

        String prefix = original.get("number").asText().substring(0, 5);
        assertThat(red.get("number").asText()).startsWith(prefix).isGreaterThan(original.get("number").asText());
        assertThat(reissued.get("number").asText()).startsWith(prefix).isGreaterThan(red.get("number").asText());

        JsonNode history = client("alice").get().uri("/api/invoices/{id}/history", originalId).retrieve().body(JsonNode.class);
        assertThat(history.findValuesAsText("note")).anySatisfy(note -> assertThat(note).contains(red.get("number").asText()))
                .anySatisfy(note -> assertThat(note).contains(reissued.get("number").asText()));

        List<String> mail = Disputes.mailTo("alice@example.com", reissued.get("number").asText());
        assertThat(mail).contains(reissued.get("number").asText() + ".pdf", red.get("number").asText() + ".pdf");

        JsonNode verified = client("alice").post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("number", original.get("number").asText(), "issueDate", original.get("issueDate").asText(),
                        "totalAmount", original.get("totalAmount").asText()))
                .retrieve().body(JsonNode.class);
        assertThat(verified.get("result").asText()).isEqualTo("MATCH");
        assertThat(verified.get("status").asText()).isEqualTo("RED_FLUSHED");
    }

    @Test
    void acmeSpecialInvoiceIsRedLetteredOnlyAfterFinanceApprovesTheConfirmation() {
        JsonNode original = specialInvoiceOfAcme("1200.00");
        long originalId = original.get("id").asLong();
        long requestId = original.get("requestId").asLong();

        long disputeId = disputes.raised("acme", originalId, wrongTitle("北京某某科技股份有限公司"));
        disputes.await("service", disputeId, d -> d.hasNonNull("recommendation"), "recommended");
        assertThat(disputes.resolve("service", disputeId, "correct", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        String approval = disputes.taskOf(requestId, "ApproveRedLetter");
        assertThat(disputes.invoice("acme", originalId).get("status").asText()).as("nothing reversed before approval")
                .isEqualTo("DELIVERED");
        assertThat(disputes.complete("service", approval, Map.of("decision", Map.of("value", "approve"))))
                .as("customer service cannot approve a 红字确认单").isNotEqualTo(204);
        assertThat(disputes.complete("reviewer", approval, Map.of("decision", Map.of("value", "approve")))).isEqualTo(204);

        JsonNode resolved = disputes.awaitStatus("acme", disputeId, "RESOLVED");
        JsonNode flushed = disputes.invoice("acme", originalId);
        assertThat(flushed.get("status").asText()).isEqualTo("RED_FLUSHED");
        JsonNode red = disputes.invoice("acme", resolved.get("redInvoiceId").asLong());
        assertThat(red.get("type").asText()).isEqualTo("SPECIAL");
        assertThat(red.get("totalAmount").asText()).isEqualTo("-1200.00");
        JsonNode reissued = disputes.invoice("acme", resolved.get("reissuedInvoiceId").asLong());
        assertThat(reissued.get("buyer").get("title").asText()).isEqualTo("北京某某科技股份有限公司");
        assertThat(reissued.get("buyer").get("taxId").asText()).as("unchanged fields are kept").isEqualTo("91110108351303601C");
        assertThat(reissued.get("type").asText()).isEqualTo("SPECIAL");
    }

    @Test
    /**
     * A request delivered by post is issued as a 数电 paper invoice; not posted yet and in its month of issue, it is
     * voided. An electronic one never is, whatever its delivery ({@link #aliceWrongTitleIsCorrectedByRedLetterAndReissueAndTheThreeLink},
     * and RedLetterIssuanceTest / PlatformCorrectionByKindTest for both modes).
     */
    void aPaperInvoiceNotPostedYetInItsMonthIsVoidedInsteadOfRedLetteredAndReissued() {
        String location = postedSpecialRequestApproved("900.00");
        JsonNode request = invoices.awaitStatus("acme", location, "ISSUED");
        long originalId = request.get("invoices").get(0).get("id").asLong();
        long requestId = request.get("id").asLong();

        long disputeId = disputes.raised("acme", originalId, wrongTitle("北京某某科技股份有限公司"));
        JsonNode recommended = disputes.await("service", disputeId, d -> d.hasNonNull("recommendation"), "recommended");
        assertThat(recommended.get("recommendationNote").asText()).contains("作废");
        assertThat(disputes.resolve("service", disputeId, "correct", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode resolved = disputes.awaitStatus("acme", disputeId, "RESOLVED");
        assertThat(resolved.get("outcome").asText()).isEqualTo("VOIDED_AND_REISSUED");
        assertThat(resolved.get("redInvoiceId").isNull()).as("no red-letter invoice for a voided one").isTrue();
        JsonNode voided = disputes.invoice("acme", originalId);
        assertThat(voided.get("status").asText()).isEqualTo("VOIDED");
        assertThat(jdbc.queryForObject("select medium from invoice where id = ?", String.class, originalId)).isEqualTo("PAPER");
        assertThat(voided.get("redLetterInvoiceIds")).isEmpty();
        JsonNode reissued = disputes.invoice("acme", resolved.get("reissuedInvoiceId").asLong());
        assertThat(reissued.get("replacesInvoiceId").asLong()).isEqualTo(originalId);
        assertThat(reissued.get("buyer").get("title").asText()).isEqualTo("北京某某科技股份有限公司");
        JsonNode approvals = client("admin").get()
                .uri("/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey=ApproveRedLetter", requestId)
                .retrieve().body(JsonNode.class);
        assertThat(approvals).isEmpty();
    }

    private String postedSpecialRequestApproved(String price) {
        String orderNo = dev.fapiaoflow.support.Orders.newOrderNo();
        client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(dev.fapiaoflow.support.Orders.paidTrainingOrder("acme", orderNo, price)).retrieve().toBodilessEntity();
        String location = client("acme").post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON)
                .body(dev.fapiaoflow.support.Requests.acmeSpecialByPost(List.of(orderNo))).retrieve().toEntity(JsonNode.class)
                .getHeaders().getLocation().toString();
        invoices.awaitStatus("acme", location, "IN_REVIEW");
        long requestId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(disputes.complete("reviewer", disputes.taskOf(requestId, "ReviewSpecialVat"),
                Map.of("decision", Map.of("value", "approve")))).isEqualTo(204);
        return location;
    }

    private JsonNode specialInvoiceOfAcme(String price) {
        String location = invoices.specialRequestInReview(price);
        long requestId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(disputes.complete("reviewer", disputes.taskOf(requestId, "ReviewSpecialVat"),
                Map.of("decision", Map.of("value", "approve")))).isEqualTo(204);
        JsonNode request = invoices.awaitStatus("acme", location, "DELIVERED");
        return disputes.invoice("acme", request.get("invoices").get(0).get("id").asLong());
    }

    @Test
    void aResolutionCommentLongerThanItsFormAllowsIsAFieldErrorAndTheDisputeStaysOpen() {
        long invoiceId = invoices.forAlice("89.00").get("id").asLong();
        long dispute = disputes.raised("alice", invoiceId, Map.of("reason", "OTHER", "description", "请核对"));
        disputes.await("service", dispute, d -> d.hasNonNull("recommendation"), "recommended");

        ResponseEntity<JsonNode> refused = disputes.resolve("service", dispute, "reject", "理".repeat(501));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("comment");
        assertThat(refused.getBody().get("errors").get(0).get("message").asText()).contains("at most 500 characters");
        assertThat(disputes.get("alice", dispute).get("status").asText()).isNotEqualTo("REJECTED");
    }

    @Test

    @OnMariaDbToo("the one-open-dispute unique key")
    void aSecondOpenDisputeOnTheSameInvoiceIsRefusedAndAllowedAgainOnceClosed() {
        long invoiceId = invoices.forAlice("88.00").get("id").asLong();
        long first = disputes.raised("alice", invoiceId, Map.of("reason", "OTHER", "description", "请核对"));

        ResponseEntity<JsonNode> second = disputes.raise("alice", invoiceId, Map.of("reason", "NOT_RECEIVED", "description", "没收到"));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        disputes.await("service", first, d -> d.hasNonNull("recommendation"), "recommended");
        assertThat(disputes.resolve("service", first, "reject", null).getStatusCode()).as("a reason is required")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(disputes.resolve("service", first, "reject", "发票信息与订单一致").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode rejected = disputes.get("alice", first);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("outcomeComment").asText()).isEqualTo("发票信息与订单一致");

        assertThat(disputes.raise("alice", invoiceId, Map.of("reason", "NOT_RECEIVED", "description", "没收到")).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test

    @OnMariaDbToo("the one-open-dispute unique key under concurrent submissions")
    void ofConcurrentDisputesOnOneInvoiceTheDatabaseLetsExactlyOneOpen() throws Exception {
        long invoiceId = invoices.forAlice("11.00").get("id").asLong();
        int attempts = 4;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts);
        try {
            List<java.util.concurrent.Future<HttpStatus>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return HttpStatus.valueOf(disputes.raise("alice", invoiceId,
                            Map.of("reason", "NOT_RECEIVED", "description", "没收到")).getStatusCode().value());
                }));
            }
            start.countDown();
            List<HttpStatus> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<HttpStatus> answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnlyOnce(HttpStatus.ACCEPTED);
            assertThat(statuses).filteredOn(status -> status != HttpStatus.ACCEPTED).containsOnly(HttpStatus.CONFLICT);
        } finally {
            pool.shutdownNow();
        }
        assertThat(client("alice").get().uri("/api/disputes").retrieve().body(JsonNode.class).findValuesAsText("invoiceId")
                .stream().filter(String.valueOf(invoiceId)::equals).count()).isEqualTo(1);
    }

    @Test
    void othersInvoicesAndDisputesAreNotFound() {
        long invoiceId = invoices.forAlice("66.00").get("id").asLong();
        assertThat(disputes.raise("acme", invoiceId, wrongTitle("北京某某科技股份有限公司")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        long disputeId = disputes.raised("alice", invoiceId, Map.of("reason", "OTHER", "description", "请核对"));

        assertThat(client("acme").get().uri("/api/disputes/{id}", disputeId).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(client("acme").post().uri("/api/disputes/{id}/messages", disputeId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "hi")).retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(disputes.resolve("alice", disputeId, "reject", "x").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aCorrectionIsRequiredForATitleOrTaxIdAndValidatedLikeANewRequest() {
        long invoiceId = invoices.forAcme("77.00").get("id").asLong();

        ResponseEntity<JsonNode> missing = disputes.raise("acme", invoiceId, Map.of("reason", "WRONG_TITLE", "description", "错了"));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("errors").findValuesAsText("field")).contains("correction");

        ResponseEntity<JsonNode> badTaxId = disputes.raise("acme", invoiceId,
                Map.of("reason", "WRONG_TAX_ID", "description", "税号错了", "correction", Map.of("taxId", "91110108351303601X")));
        assertThat(badTaxId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badTaxId.getBody().get("errors").findValuesAsText("field")).contains("correction.taxId");

        ResponseEntity<JsonNode> noReason = disputes.raise("acme", invoiceId, new HashMap<>(Map.of("description", " ")));
        assertThat(noReason.getBody().get("errors").findValuesAsText("field")).contains("reason", "description");

        ResponseEntity<JsonNode> unchanged = disputes.raise("acme", invoiceId,
                Map.of("reason", "WRONG_TITLE", "description", "x", "correction", Map.of("title", "北京某某科技有限公司")));
        assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(client("acme").get().uri("/api/disputes").retrieve().body(JsonNode.class).findValuesAsText("invoiceId"))
                .as("nothing half-written").doesNotContain(String.valueOf(invoiceId));
    }

    @Test
    void aLostMailIsSentAgain() throws Exception {
        JsonNode invoice = invoices.forAlice("55.00");
        long disputeId = disputes.raised("alice", invoice.get("id").asLong(),
                Map.of("reason", "NOT_RECEIVED", "description", "邮箱里没有"));
        disputes.await("service", disputeId, d -> "resend".equals(d.path("recommendation").asText()), "recommended resend");
        int before = mailsAbout(invoice.get("number").asText());

        assertThat(disputes.resolve("service", disputeId, "resend", "已重新发送").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode resolved = disputes.awaitStatus("alice", disputeId, "RESOLVED");
        assertThat(resolved.get("outcome").asText()).isEqualTo("RESENT");
        assertThat(mailsAbout(invoice.get("number").asText())).isEqualTo(before + 1);
        assertThat(disputes.invoice("alice", invoice.get("id").asLong()).get("status").asText()).isEqualTo("DELIVERED");
    }

    private static int mailsAbout(String number) throws Exception {
        int count = 0;
        for (jakarta.mail.internet.MimeMessage message : dev.fapiaoflow.support.TestMailServer.get().getReceivedMessages()) {
            if (message.getSubject() != null && message.getSubject().contains(number)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void customerAndServiceTalkInTheDisputesThread() throws Exception {
        long invoiceId = invoices.forAlice("44.00").get("id").asLong();
        long disputeId = disputes.raised("alice", invoiceId, Map.of("reason", "OTHER", "description", "请核对税率"));

        assertThat(postMessage("alice", disputeId, "税率是不是 6%？").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(postMessage("service", disputeId, "是的，培训服务按 6% 计税。").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(postMessage("reviewer", disputeId, "finance has no say here").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(postMessage("alice", disputeId, "  ").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(Disputes.mailTo("service@school.example", "异议 #" + disputeId)).as("no service page was open")
                .first().asString().contains("新消息");
        assertThat(Disputes.mailTo("alice@example.com", "异议 #" + disputeId)).as("alice had no page open")
                .first().asString().contains("新回复");

        JsonNode thread = disputes.get("alice", disputeId).get("messages");
        assertThat(thread.findValuesAsText("text")).containsExactly("税率是不是 6%？", "是的，培训服务按 6% 计税。");
        assertThat(thread.findValuesAsText("author")).containsExactly("alice", "service");
        assertThat(thread.get(0).get("fromCustomer").asBoolean()).isTrue();
    }

    private ResponseEntity<JsonNode> postMessage(String user, long disputeId, String text) {
        return client(user).post().uri("/api/disputes/{id}/messages", disputeId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", text)).retrieve().toEntity(JsonNode.class);
    }

    @Test
    void aRedFlushedInvoiceCannotBeDisputed() {
        long invoiceId = invoices.forAlice("33.00").get("id").asLong();
        long disputeId = disputes.raised("alice", invoiceId, wrongTitle("王爱丽"));
        disputes.await("service", disputeId, d -> d.hasNonNull("recommendation"), "recommended");
        disputes.resolve("service", disputeId, "correct", null);
        disputes.awaitStatus("alice", disputeId, "RESOLVED");

        assertThat(disputes.raise("alice", invoiceId, Map.of("reason", "OTHER", "description", "再看看")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        long redId = disputes.get("alice", disputeId).get("redInvoiceId").asLong();
        long onRed = disputes.raised("alice", redId, Map.of("reason", "OTHER", "description", "红字发票金额为负？"));
        JsonNode recommended = disputes.await("service", onRed, d -> d.hasNonNull("recommendation"), "recommended");
        assertThat(recommended.get("recommendation").asText()).isEqualTo("reject");
        assertThat(disputes.resolve("service", onRed, "correct", null).getStatusCode()).as("a red-letter invoice is not corrected")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(disputes.get("alice", onRed).get("status").asText()).isEqualTo("OPEN");
    }

    @Test

    @OnMariaDbToo("the queue's ordering SQL")
    void theQueueShowsOverdueFirstAndFiltersForServiceOnly() {
        long invoiceId = invoices.forAlice("22.00").get("id").asLong();
        long disputeId = disputes.raised("alice", invoiceId, Map.of("reason", "OTHER", "description", "请核对"));

        JsonNode queue = client("service").get().uri("/api/disputes?status=OPEN&reason=OTHER").retrieve().body(JsonNode.class);
        assertThat(queue.findValuesAsText("id")).contains(String.valueOf(disputeId));
        assertThat(queue.findValuesAsText("status")).containsOnly("OPEN");
        JsonNode acmes = client("acme").get().uri("/api/disputes").retrieve().body(JsonNode.class);
        assertThat(acmes.findValuesAsText("id")).doesNotContain(String.valueOf(disputeId));
        assertThat(client("service").get().uri("/api/disputes?overdue=true").retrieve().body(JsonNode.class)
                .findValuesAsText("id")).as("48 h have not passed").doesNotContain(String.valueOf(disputeId));
    }
}
