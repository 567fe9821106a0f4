package dev.fapiaoflow.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.AtOnce;
import dev.fapiaoflow.support.OnMariaDbToo;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.TestMailServer;
import dev.fapiaoflow.support.Waiting;

/** The foundation's path through the public API: shop pushes, customer applies, invoice arrives by mail. */
class InvoiceRequestApiTest extends SpringTestBase {

    /** how long a test waits for the process's async steps: generous, the build machine is shared and the first PDF and mail of a cold context are slow */
    private static final Duration PROCESS_STEPS = Duration.ofSeconds(30);

    @Test

    @OnMariaDbToo("issuance and delivery on InnoDB's locking, end to end")
    void twoOrdersBecomeOneDeliveredInvoiceWithPdfInTheMailbox() throws Exception {
        String first = Orders.newOrderNo();
        String second = Orders.newOrderNo();
        assertThat(pushOrder(Orders.paidTrainingOrder("alice", first, "1999.00")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(pushOrder(Orders.paidBookOrder("alice", second, "119.00")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(pushOrder(Orders.paidBookOrder("alice", second, "119.00")).getStatusCode()).isEqualTo(HttpStatus.OK);

        String recipient = "alice-" + first.toLowerCase() + "@example.com";
        ResponseEntity<JsonNode> accepted = apply("alice", Requests.personalNormal(List.of(first, second), "爱丽丝", recipient), null);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody().get("status").asText()).isEqualTo("REQUESTED");
        String location = accepted.getHeaders().getLocation().toString();

        JsonNode delivered = awaitStatus("alice", location, "DELIVERED", PROCESS_STEPS);
        JsonNode invoice = delivered.get("invoices").get(0);
        assertThat(delivered.get("invoices")).hasSize(1);
        assertThat(invoice.get("number").asText()).matches("\\d{20}");
        assertThat(new java.math.BigDecimal(invoice.get("totalAmount").asText())).isEqualByComparingTo("2118.00");

        JsonNode details = client("alice").get().uri("/api/invoices/{id}", invoice.get("id").asLong()).retrieve().body(JsonNode.class);
        assertThat(details.get("lines")).hasSize(2);
        assertThat(details.get("lines").get(0).get("itemName").asText()).isEqualTo("*非学历教育服务*培训费");
        assertThat(new java.math.BigDecimal(details.get("taxAmount").asText())).isEqualByComparingTo("122.98"); // 113.15 at 6 % + 9.83 at 9 %

        MimeMessage mail = awaitMailTo(recipient);
        byte[] pdf = pdfAttachmentOf(mail);
        String text = textOf(pdf);
        assertThat(text).contains("爱丽丝", "*非学历教育服务*培训费", "贰仟壹佰壹拾捌元整", invoice.get("number").asText());

        ResponseEntity<byte[]> download = client("alice").get().uri("/api/invoices/{id}/pdf", invoice.get("id").asLong())
                .retrieve().toEntity(byte[].class);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(textOf(download.getBody())).contains("爱丽丝");
    }

    @Test
    void anotherCustomerSeesNeitherTheRequestNorTheInvoice() {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("alice", orderNo, "88.00"));
        String location = apply("alice", Requests.personalNormal(List.of(orderNo), "爱丽丝", "alice@example.com"), null)
                .getHeaders().getLocation().toString();
        JsonNode delivered = awaitStatus("alice", location, "DELIVERED", PROCESS_STEPS);
        long invoiceId = delivered.get("invoices").get(0).get("id").asLong();

        assertThat(client("acme").get().uri(location).retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(client("acme").get().uri("/api/invoices/{id}", invoiceId).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(client("acme").get().uri("/api/invoices/{id}/pdf", invoiceId).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(client("reviewer").get().uri("/api/invoices/{id}", invoiceId).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void creditCodeWithWrongCheckCharacterIsRefusedWithAFieldError() {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("acme", orderNo, "500.00"));
        ResponseEntity<JsonNode> refused = apply("acme",
                Requests.enterpriseNormal(List.of(orderNo), "北京某某科技有限公司", "91110108351303601D", "ap@acme.example.com"), null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(fields(refused.getBody())).containsExactly("buyer.taxId");
        assertThat(client("acme").get().uri("/api/orders?invoiceable=true").retrieve().body(JsonNode.class).findValuesAsText("orderNo"))
                .as("nothing half-written: the order is still free").contains(orderNo);
    }

    @Test
    void personalBuyerAskingForSpecialInvoiceIsRefusedByTheEligibilityRule() {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("alice", orderNo, "300.00"));
        ResponseEntity<JsonNode> refused = apply("alice",
                Requests.withType(Requests.personalNormal(List.of(orderNo), "爱丽丝", "alice@example.com"), "SPECIAL"), null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused.getBody())).containsExactly("invoiceType");
        assertThat(refused.getBody().get("errors").get(0).get("message").asText()).contains("个人");
    }

    @Test
    void specialInvoiceWithoutBankDetailsIsRefusedWithFieldErrors() {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("acme", orderNo, "900.00"));
        ResponseEntity<JsonNode> refused = apply("acme",
                Requests.withoutBuyerFields(Requests.acmeSpecial(List.of(orderNo)), "bankName", "bankAccount"), null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused.getBody())).containsExactlyInAnyOrder("buyer.bankName", "buyer.bankAccount");
        assertThat(client("acme").get().uri("/api/orders?invoiceable=true").retrieve().body(JsonNode.class).findValuesAsText("orderNo"))
                .as("nothing half-written: the order is still free").contains(orderNo);
    }

    @Test

    @OnMariaDbToo("the order claim's unique key")
    void secondRequestOnAnOrderAlreadyRequestedGetsConflict() {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("alice", orderNo, "120.00"));
        Map<String, Object> body = Requests.personalNormal(List.of(orderNo), "爱丽丝", "alice@example.com");
        assertThat(apply("alice", body, null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(apply("alice", body, null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test

    @OnMariaDbToo("order claims under concurrency")
    void twoRequestsOnTheSameOrderAtTheSameMomentGiveOneAcceptedAndOneConflict() throws Exception {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("alice", orderNo, "66.00"));
        Map<String, Object> body = Requests.personalNormal(List.of(orderNo), "爱丽丝", "alice@example.com");
        List<HttpStatus> statuses = AtOnce.call(2, () -> HttpStatus.valueOf(apply("alice", body, null).getStatusCode().value()));
        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.ACCEPTED, HttpStatus.CONFLICT);
    }

    @Test

    @OnMariaDbToo("the idempotency key's unique index")
    void retryWithTheSameIdempotencyKeyReturnsTheFirstAnswer() throws Exception {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("alice", orderNo, "77.00"));
        Map<String, Object> body = Requests.personalNormal(List.of(orderNo), "爱丽丝", "alice@example.com");
        String key = "key-" + orderNo;
        List<ResponseEntity<JsonNode>> answers = AtOnce.call(2, () -> apply("alice", body, key));
        answers.add(apply("alice", body, key));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED));
        assertThat(answers.stream().map(a -> a.getBody().get("id").asLong()).distinct()).hasSize(1);
    }

    @Test
    void shopPushingDifferentContentForAnInvoicedOrderGetsConflict() {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("alice", orderNo, "99.00"));
        String location = apply("alice", Requests.personalNormal(List.of(orderNo), "爱丽丝", "alice@example.com"), null)
                .getHeaders().getLocation().toString();
        awaitStatus("alice", location, "DELIVERED", PROCESS_STEPS);

        // a refund is the one change an invoiced order may still take (it raises a red-letter invoice, see
        // RefundRedLetterApiTest); other content is refused
        assertThat(pushOrder(Orders.paidTrainingOrder("alice", orderNo, "98.00")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(pushOrder(Orders.paidTrainingOrder("acme", orderNo, "99.00")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(pushOrder(Orders.paidTrainingOrder("alice", orderNo, "99.00")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test

    @OnMariaDbToo("the review's user task and its variables on the engine's MariaDB tables")
    void specialInvoiceWaitsInReviewUntilAFinanceReviewerApprovesIt() {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("acme", orderNo, "60000.00"));
        String location = apply("acme", Requests.acmeSpecial(List.of(orderNo)), null).getHeaders().getLocation().toString();

        awaitStatus("acme", location, "IN_REVIEW", PROCESS_STEPS);
        String taskId = reviewTaskOf(location);
        ResponseEntity<Void> approved = client("reviewer").post().uri("/engine-rest/task/{id}/complete", taskId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("decision", Map.of("value", "approve"))))
                .retrieve().toBodilessEntity();

        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode delivered = awaitStatus("acme", location, "DELIVERED", PROCESS_STEPS);
        assertThat(delivered.get("invoices")).hasSize(1);
    }

    @Test
    void specialInvoiceRejectedByTheReviewerEndsRejectedWithTheReviewersComment() {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("acme", orderNo, "700.00"));
        String location = apply("acme", Requests.acmeSpecial(List.of(orderNo)), null).getHeaders().getLocation().toString();
        awaitStatus("acme", location, "IN_REVIEW", PROCESS_STEPS);

        client("reviewer").post().uri("/engine-rest/task/{id}/complete", reviewTaskOf(location))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("decision", Map.of("value", "reject"),
                        "comment", Map.of("value", "开户行信息与税务登记不一致"))))
                .retrieve().toBodilessEntity();

        JsonNode rejected = awaitStatus("acme", location, "REJECTED", PROCESS_STEPS);
        assertThat(rejected.get("reason").asText()).isEqualTo("开户行信息与税务登记不一致");
        assertThat(client("acme").get().uri("/api/orders?invoiceable=true").retrieve().body(JsonNode.class)
                .findValuesAsText("orderNo")).as("the rejected request frees its order").contains(orderNo);
    }

    @Test
    void customerCannotWorkTheReviewTask() {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("acme", orderNo, "800.00"));
        String location = apply("acme", Requests.acmeSpecial(List.of(orderNo)), null).getHeaders().getLocation().toString();
        awaitStatus("acme", location, "IN_REVIEW", PROCESS_STEPS);

        ResponseEntity<Void> attempt = client("acme").post().uri("/engine-rest/task/{id}/complete", reviewTaskOf(location))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("decision", Map.of("value", "approve"))))
                .retrieve().toBodilessEntity();
        assertThat(attempt.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(client("acme").get().uri(location).retrieve().body(JsonNode.class).get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void moreInfoWaitsForTheCustomersSupplementThenTheReviewerSeesOldAndNewDetails() throws Exception {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("acme", orderNo, "900.00"));
        String location = apply("acme", Requests.acmeSpecial(List.of(orderNo)), null).getHeaders().getLocation().toString();
        awaitStatus("acme", location, "IN_REVIEW", PROCESS_STEPS);
        String asked = "请核对开户银行 " + orderNo;

        assertThat(completeReview(location, Map.of("decision", Map.of("value", "more-info"),
                "comment", Map.of("value", asked)))).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode waiting = awaitStatus("acme", location, "NEEDS_INFO", PROCESS_STEPS);
        assertThat(waiting.get("reason").asText()).isEqualTo(asked);
        assertThat(mailTextTo("ap@acme.example.com", asked)).contains("补充");

        Map<String, Object> corrected = Requests.acmeFullDetails();
        corrected.put("bankName", "招商银行北京海淀支行");
        assertThat(supplement("alice", location, corrected).getStatusCode()).as("not alice's request").isEqualTo(HttpStatus.NOT_FOUND);
        Map<String, Object> stillIncomplete = new java.util.HashMap<>(corrected);
        stillIncomplete.remove("bankAccount");
        ResponseEntity<JsonNode> refused = supplement("acme", location, stillIncomplete);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused.getBody())).containsExactly("bankAccount");

        ResponseEntity<JsonNode> supplied = supplement("acme", location, corrected);
        assertThat(supplied.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(supplied.getBody().get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(supplement("acme", location, corrected).getStatusCode()).as("no longer waiting").isEqualTo(HttpStatus.CONFLICT);

        JsonNode review = client("reviewer").get().uri(location + "/review").retrieve().body(JsonNode.class);
        assertThat(review.at("/request/buyer/bankName").asText()).isEqualTo("招商银行北京海淀支行");
        assertThat(review.at("/request/earlierBuyerDetails/0/previous/bankName").asText()).isEqualTo("中国建设银行北京海淀支行");
        assertThat(review.at("/request/earlierBuyerDetails/0/askedFor").asText()).isEqualTo(asked);
        assertThat(review.at("/request/items/0/orderNo").asText()).isEqualTo(orderNo);
        assertThat(review.at("/request/riskFacts/accountsSharingCreditCode").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(review.get("riskHints").isArray()).isTrue();
        assertThat(reviewTaskOf(location)).as("back in review").isNotBlank();
    }

    @Test
    void theReviewPageIsForFinanceOnlyAndShowsTheRiskHints() {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("acme", orderNo, "88000.00"));
        String location = apply("acme", Requests.acmeSpecial(List.of(orderNo)), null).getHeaders().getLocation().toString();
        awaitStatus("acme", location, "IN_REVIEW", PROCESS_STEPS);

        assertThat(client("acme").get().uri(location + "/review").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(client("alice").get().uri(location + "/review").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode review = client("manager").get().uri(location + "/review").retrieve().body(JsonNode.class);
        assertThat(review.at("/request/buyer/taxId").asText()).isEqualTo("91110108351303601C");
        assertThat(review.get("riskHints").toString()).contains("5 万元");
    }

    @Test

    @OnMariaDbToo("the first approver read from the engine's history tables")
    void aSecondApprovalByTheSamePersonIsRefusedAndTheTaskStaysOpen() {
        String orderNo = Orders.newOrderNo();
        pushOrder(Orders.paidTrainingOrder("acme", orderNo, "120000.00"));
        String location = apply("acme", Requests.acmeSpecial(List.of(orderNo)), null).getHeaders().getLocation().toString();
        awaitStatus("acme", location, "IN_REVIEW", PROCESS_STEPS);

        Map<String, Object> approve = Map.of("decision", Map.of("value", "approve"));
        assertThat(complete("manager", reviewTaskOf(location), approve)).isEqualTo(HttpStatus.NO_CONTENT);
        String second = taskOf(location, "SecondApproval", "finance-manager");
        assertThat(complete("manager", second, approve)).as("four-eyes").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(taskOf(location, "SecondApproval", "finance-manager")).isEqualTo(second);
        assertThat(client("acme").get().uri(location).retrieve().body(JsonNode.class).get("status").asText()).isEqualTo("IN_REVIEW");
    }

    private HttpStatus completeReview(String location, Map<String, Object> variables) {
        return complete("reviewer", reviewTaskOf(location), variables);
    }

    private HttpStatus complete(String user, String taskId, Map<String, Object> variables) {
        return HttpStatus.valueOf(client(user).post().uri("/engine-rest/task/{id}/complete", taskId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", variables))
                .retrieve().toBodilessEntity().getStatusCode().value());
    }

    private ResponseEntity<JsonNode> supplement(String customer, String location, Map<String, Object> buyer) {
        return client(customer).post().uri(location + "/supplement").contentType(MediaType.APPLICATION_JSON).body(buyer)
                .retrieve().toEntity(JsonNode.class);
    }

    private String taskOf(String requestLocation, String taskKey, String group) {
        String requestId = requestLocation.substring(requestLocation.lastIndexOf('/') + 1);
        JsonNode tasks = client("manager").get()
                .uri("/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={task}&candidateGroup={group}",
                        requestId, taskKey, group)
                .retrieve().body(JsonNode.class);
        assertThat(tasks).as(taskKey + " of request " + requestId).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    /** the decoded text of the first mail to the recipient whose text contains the marker */
    private static String mailTextTo(String recipient, String marker) {
        return Waiting.until("a mail to " + recipient + " containing " + marker, PROCESS_STEPS,
                () -> firstMailText(recipient, marker), text -> text != null);
    }

    private static String firstMailText(String recipient, String marker) throws Exception {
        for (MimeMessage message : TestMailServer.get().getReceivedMessages()) {
            String text = message.getSubject() + "\n" + textOf((Part) message);
            if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient) && text.contains(marker)) {
                return text;
            }
        }
        return null;
    }

    private static String textOf(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(textOf(multipart.getBodyPart(i)));
            }
        }
        return text.toString();
    }

    private String reviewTaskOf(String requestLocation) {
        String requestId = requestLocation.substring(requestLocation.lastIndexOf('/') + 1);
        JsonNode tasks = client("reviewer").get()
                .uri("/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey=ReviewSpecialVat&candidateGroup=finance-reviewer",
                        requestId)
                .retrieve().body(JsonNode.class);
        assertThat(tasks).as("review task of request " + requestId).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    @Test
    void onlyTheShopMayPushOrders() {
        ResponseEntity<Void> answer = client("alice").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder("alice", Orders.newOrderNo(), "1.00")).retrieve().toBodilessEntity();
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<JsonNode> pushOrder(Map<String, Object> order) {
        return client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body(order).retrieve()
                .toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> apply(String customer, Map<String, Object> body, String idempotencyKey) {
        return client(customer).post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(body).retrieve().toEntity(JsonNode.class);
    }

    private JsonNode awaitStatus(String user, String location, String status, Duration within) {
        return Waiting.until("request " + location + " " + status, within,
                () -> client(user).get().uri(location).retrieve().body(JsonNode.class),
                request -> status.equals(request.get("status").asText()));
    }

    private static MimeMessage awaitMailTo(String recipient) {
        return Waiting.until("a mail to " + recipient, PROCESS_STEPS, () -> firstMailTo(recipient), mail -> mail != null);
    }

    private static MimeMessage firstMailTo(String recipient) throws Exception {
        for (MimeMessage message : TestMailServer.get().getReceivedMessages()) {
            if (GreenMailUtil.getAddressList(message.getAllRecipients()).contains(recipient)) {
                return message;
            }
        }
        return null;
    }

    private static byte[] pdfAttachmentOf(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName().endsWith(".pdf")) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no PDF attached");
    }

    static String textOf(byte[] pdf) throws Exception {
        try (PdfDocument document = new PdfDocument(new PdfReader(new java.io.ByteArrayInputStream(pdf)))) {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                text.append(PdfTextExtractor.getTextFromPage(document.getPage(page)));
            }
            return text.toString();
        }
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsText("field");
    }
}
