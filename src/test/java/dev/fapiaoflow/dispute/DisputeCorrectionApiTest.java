package dev.fapiaoflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.OnMariaDbToo;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * WRONG_TYPE disputes (the wanted {@code invoiceType}, validated; red-letter and re-issue as that type) and WRONG_AMOUNT
 * disputes (re-issue recomputed from the orders as they are now, refused when nothing differs).
 */
class DisputeCorrectionApiTest extends SpringTestBase {

    @Autowired
    private RefundRedLetters refunds;

    private IssuedInvoices invoices;
    private Disputes disputes;

    @BeforeEach
    void helpers() {
        invoices = new IssuedInvoices(this::client);
        disputes = new Disputes(this::client);
    }

    private static Map<String, Object> wrongType(String wanted, Map<String, Object> correction) {
        Map<String, Object> body = new HashMap<>(Map.of("reason", "WRONG_TYPE", "description", "我们需要专票抵扣"));
        if (wanted != null) {
            body.put("invoiceType", wanted);
        }
        if (correction != null) {
            body.put("correction", correction);
        }
        return body;
    }

    @Test

    @OnMariaDbToo("a re-issue as another type through the V64 column")
    void acmeNormalInvoiceWantedAsSpecialIsApprovedByFinanceThenReissuedAsSpecialWithFullDetails() {
        JsonNode original = invoices.forAcme("860.00");
        long originalId = original.get("id").asLong();
        long requestId = original.get("requestId").asLong();
        assertThat(original.get("type").asText()).isEqualTo("NORMAL");

        long disputeId = disputes.raised("acme", originalId, wrongType("SPECIAL", Requests.acmeFullDetails()));
        assertThat(disputes.get("acme", disputeId).get("invoiceType").asText()).isEqualTo("SPECIAL");
        assertThat(client("service").get().uri("/disputes/{id}", disputeId).retrieve().body(String.class))
                .as("the agent's page names the wanted type").contains("id=\"wanted-type\"", "增值税专用发票");
        JsonNode forService = disputes.await("service", disputeId, d -> d.hasNonNull("recommendation"), "recommended");
        assertThat(forService.get("recommendation").asText()).isEqualTo("correct");
        assertThat(disputes.resolve("service", disputeId, "correct", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        String approval = disputes.taskOf(requestId, "ApproveRedLetter");
        assertThat(disputes.invoice("acme", originalId).get("status").asText())
                .as("a normal invoice becoming special waits for the 红字确认单 too").isEqualTo("DELIVERED");
        assertThat(disputes.complete("reviewer", approval, Map.of("decision", Map.of("value", "approve")))).isEqualTo(204);

        JsonNode resolved = disputes.awaitStatus("acme", disputeId, "RESOLVED");
        assertThat(resolved.get("outcome").asText()).isEqualTo("CORRECTED");
        assertThat(disputes.invoice("acme", originalId).get("status").asText()).isEqualTo("RED_FLUSHED");
        JsonNode red = disputes.invoice("acme", resolved.get("redInvoiceId").asLong());
        assertThat(red.get("type").asText()).as("the red-letter mirrors the original").isEqualTo("NORMAL");
        assertThat(red.get("totalAmount").asText()).isEqualTo("-860.00");
        JsonNode reissued = disputes.invoice("acme", resolved.get("reissuedInvoiceId").asLong());
        assertThat(reissued.get("type").asText()).isEqualTo("SPECIAL");
        assertThat(reissued.get("totalAmount").asText()).isEqualTo("860.00");
        assertThat(reissued.get("replacesInvoiceId").asLong()).isEqualTo(originalId);
        JsonNode buyer = reissued.get("buyer");
        assertThat(buyer.get("title").asText()).isEqualTo("北京某某科技有限公司");
        assertThat(buyer.get("taxId").asText()).isEqualTo("91110108351303601C");
        assertThat(buyer.get("address").asText()).isEqualTo("北京市海淀区中关村南大街5号");
        assertThat(buyer.get("bankAccount").asText()).isEqualTo("11001234567890123456");
    }

    @Test
    void theWantedTypeIsValidatedBeforeAnythingIsWritten() {
        long acmeInvoice = invoices.forAcme("61.00").get("id").asLong();

        ResponseEntity<JsonNode> noType = disputes.raise("acme", acmeInvoice, wrongType(null, null));
        assertThat(noType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noType.getBody().get("errors").findValuesAsText("field")).contains("invoiceType");

        ResponseEntity<JsonNode> sameType = disputes.raise("acme", acmeInvoice, wrongType("NORMAL", null));
        assertThat(sameType.getBody().get("errors").findValuesAsText("field")).contains("invoiceType");

        ResponseEntity<JsonNode> withoutDetails = disputes.raise("acme", acmeInvoice, wrongType("SPECIAL", null));
        assertThat(withoutDetails.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutDetails.getBody().get("errors").findValuesAsText("field"))
                .as("the printed normal invoice lacks what a 专票 prints")
                .contains("correction.address", "correction.bankAccount");

        Map<String, Object> smallScale = new HashMap<>(Requests.acmeFullDetails());
        smallScale.put("taxpayerKind", "SMALL_SCALE");
        ResponseEntity<JsonNode> notGeneral = disputes.raise("acme", acmeInvoice, wrongType("SPECIAL", smallScale));
        assertThat(notGeneral.getBody().get("errors").findValuesAsText("field")).contains("correction.taxpayerKind");

        ResponseEntity<JsonNode> typeWithOtherReason = disputes.raise("acme", acmeInvoice, Map.of("reason", "WRONG_TITLE",
                "description", "x", "correction", Map.of("title", "北京某某科技股份有限公司"), "invoiceType", "SPECIAL"));
        assertThat(typeWithOtherReason.getBody().get("errors").findValuesAsText("field")).contains("invoiceType");

        long aliceInvoice = invoices.forAlice("62.00").get("id").asLong();
        ResponseEntity<JsonNode> personal = disputes.raise("alice", aliceInvoice, wrongType("SPECIAL",
                Map.of("address", "北京市海淀区", "phone", "010-12345678", "bankName", "某银行", "bankAccount", "6222000011112222")));
        assertThat(personal.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(personal.getBody().get("errors").findValuesAsText("field")).contains("invoiceType");

        assertThat(client("acme").get().uri("/api/disputes").retrieve().body(JsonNode.class).findValuesAsText("invoiceId"))
                .as("nothing half-written").doesNotContain(String.valueOf(acmeInvoice));
    }

    private static Map<String, Object> wrongAmount() {
        return Map.of("reason", "WRONG_AMOUNT", "description", "退了一部分课，发票金额不对");
    }

    private String orderNoOf(JsonNode invoice) {
        return client("alice").get().uri("/api/invoice-requests/{id}", invoice.get("requestId").asLong()).retrieve()
                .body(JsonNode.class).get("orderNos").get(0).asText();
    }

    private void pushPartialRefund(String orderNo, String price, String refunded) {
        Map<String, Object> order = new HashMap<>(Orders.paidTrainingOrder("alice", orderNo, price));
        order.put("status", "PARTIALLY_REFUNDED");
        order.put("refundedAmount", refunded);
        assertThat(client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body(order).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aWrongAmountIsRefusedWhenTheInvoiceAlreadyMatchesTheOrders() {
        long invoiceId = invoices.forAlice("188.00").get("id").asLong();
        long disputeId = disputes.raised("alice", invoiceId, wrongAmount());
        disputes.await("service", disputeId, d -> d.hasNonNull("recommendation"), "recommended");

        ResponseEntity<JsonNode> refused = disputes.resolve("service", disputeId, "correct", null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").get(0).get("message").asText()).contains("amounts already match the orders");
        assertThat(disputes.get("service", disputeId).get("status").asText()).as("the task stays open").isEqualTo("OPEN");
        assertThat(disputes.invoice("alice", invoiceId).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(disputes.resolve("service", disputeId, "reject", "金额与订单一致").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test

    @OnMariaDbToo("re-issued amounts recomputed from the orders in SQL")
    void aRefundWhoseRedLetterFinanceRefusedIsCorrectedByAReissueRecomputedFromTheOrders() {
        JsonNode original = invoices.forAlice("1000.00");
        long originalId = original.get("id").asLong();
        long requestId = original.get("requestId").asLong();
        String orderNo = orderNoOf(original);
        pushPartialRefund(orderNo, "1000.00", "250.00");

        long disputeId = disputes.raised("alice", originalId, wrongAmount());
        disputes.await("service", disputeId, d -> d.hasNonNull("recommendation"), "recommended");
        ResponseEntity<JsonNode> whileWaiting = disputes.resolve("service", disputeId, "correct", null);
        assertThat(whileWaiting.getStatusCode()).as("correcting now would reverse the refund twice")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(whileWaiting.getBody().get("errors").get(0).get("message").asText()).contains("awaits finance");

        assertThat(disputes.complete("reviewer", disputes.taskOf(requestId, "ConfirmRefundRedLetter"),
                Map.of("decision", Map.of("value", "refuse"), "comment", Map.of("value", "请走异议更正")))).isEqualTo(204);
        assertThat(refunds.ofOrder(orderNo)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("REFUSED"));
        assertThat(disputes.resolve("service", disputeId, "correct", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode resolved = disputes.awaitStatus("alice", disputeId, "RESOLVED");
        assertThat(disputes.invoice("alice", originalId).get("status").asText()).isEqualTo("RED_FLUSHED");
        JsonNode red = disputes.invoice("alice", resolved.get("redInvoiceId").asLong());
        assertThat(red.get("totalAmount").asText()).isEqualTo("-1000.00");
        assertThat(red.get("redLetterReason").get("code").asText()).isEqualTo("01");
        JsonNode reissued = disputes.invoice("alice", resolved.get("reissuedInvoiceId").asLong());
        assertThat(reissued.get("totalAmount").asText()).as("what the order justifies now").isEqualTo("750.00");
        assertThat(reissued.get("lines").get(0).get("amount").asText())
                .isNotEqualTo(original.get("lines").get(0).get("amount").asText());
        assertThat(reissued.get("buyer").get("title").asText()).isEqualTo(original.get("buyer").get("title").asText());
        assertThat(reissued.get("replacesInvoiceId").asLong()).isEqualTo(originalId);
    }
}
