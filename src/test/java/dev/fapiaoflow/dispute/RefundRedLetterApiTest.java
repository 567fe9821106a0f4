package dev.fapiaoflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.OnMariaDbToo;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.Waiting;

/** The shop reports refunds of invoiced orders: one red-letter invoice (02) per refund, after finance confirms. */
class RefundRedLetterApiTest extends SpringTestBase {

    @Autowired
    private RefundRedLetters refunds;

    private IssuedInvoices invoices;
    private Disputes disputes;

    @BeforeEach
    void helpers() {
        invoices = new IssuedInvoices(this::client);
        disputes = new Disputes(this::client);
    }

    private String orderNoOf(JsonNode invoice) {
        return client("alice").get().uri("/api/invoice-requests/{id}", invoice.get("requestId").asLong()).retrieve()
                .body(JsonNode.class).get("orderNos").get(0).asText();
    }

    private int push(Map<String, Object> order) {
        return client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).body(order).retrieve()
                .toBodilessEntity().getStatusCode().value();
    }

    private static Map<String, Object> partlyRefunded(String orderNo, String price, String refunded) {
        Map<String, Object> order = new HashMap<>(Orders.paidTrainingOrder("alice", orderNo, price));
        order.put("status", "PARTIALLY_REFUNDED");
        order.put("refundedAmount", refunded);
        return order;
    }

    @Test

    @OnMariaDbToo("the refund key's unique index")
    void aPartialThenFullRefundRaisesOneRedLetterEachEvenWhenTheShopRepeatsItself() {
        JsonNode original = invoices.forAlice("1000.00");
        long originalId = original.get("id").asLong();
        long requestId = original.get("requestId").asLong();
        String orderNo = orderNoOf(original);

        assertThat(push(partlyRefunded(orderNo, "1000.00", "300.00"))).isEqualTo(200);
        assertThat(push(partlyRefunded(orderNo, "1000.00", "300.00"))).as("the same message again").isEqualTo(200);
        assertThat(refunds.ofOrder(orderNo)).singleElement().satisfies(refund -> {
            assertThat(refund.amount()).isEqualByComparingTo("300.00");
            assertThat(refund.status()).isEqualTo("AWAITING_CONFIRMATION");
        });
        assertThat(disputes.invoice("alice", originalId).get("status").asText()).as("nothing before finance confirms")
                .isEqualTo("DELIVERED");

        assertThat(disputes.complete("reviewer", disputes.taskOf(requestId, "ConfirmRefundRedLetter"),
                Map.of("decision", Map.of("value", "approve")))).isEqualTo(204);
        JsonNode partly = awaitInvoiceStatus(originalId, "PARTIALLY_RED_FLUSHED");
        JsonNode firstRed = disputes.invoice("alice", partly.get("redLetterInvoiceIds").get(0).asLong());
        assertThat(firstRed.get("kind").asText()).isEqualTo("RED");
        assertThat(firstRed.get("totalAmount").asText()).isEqualTo("-300.00");
        assertThat(firstRed.get("redLetterReason").get("code").asText()).isEqualTo("02");
        assertThat(verify(original).get("status").asText()).isEqualTo("PARTIALLY_RED_FLUSHED");

        assertThat(push(Orders.refunded(Orders.paidTrainingOrder("alice", orderNo, "1000.00")))).isEqualTo(200);
        assertThat(push(Orders.refunded(Orders.paidTrainingOrder("alice", orderNo, "1000.00")))).isEqualTo(200);
        assertThat(refunds.ofOrder(orderNo)).hasSize(2).last().satisfies(refund ->
                assertThat(refund.amount()).isEqualByComparingTo("700.00"));
        assertThat(disputes.complete("reviewer", disputes.taskOf(requestId, "ConfirmRefundRedLetter"),
                Map.of("decision", Map.of("value", "approve")))).isEqualTo(204);

        JsonNode flushed = awaitInvoiceStatus(originalId, "RED_FLUSHED");
        assertThat(flushed.get("redLetterInvoiceIds")).hasSize(2);
        JsonNode secondRed = disputes.invoice("alice", flushed.get("redLetterInvoiceIds").get(1).asLong());
        assertThat(secondRed.get("totalAmount").asText()).isEqualTo("-700.00");
        assertThat(verify(original).get("status").asText()).isEqualTo("RED_FLUSHED");
    }

    @Test
    void aReducedRefundOrOtherChangeOfAnInvoicedOrderIsStillRefused() {
        JsonNode original = invoices.forAlice("200.00");
        String orderNo = orderNoOf(original);
        assertThat(push(partlyRefunded(orderNo, "200.00", "50.00"))).isEqualTo(200);

        assertThat(push(partlyRefunded(orderNo, "200.00", "20.00"))).isEqualTo(HttpStatus.CONFLICT.value());
        assertThat(push(Orders.paidTrainingOrder("alice", orderNo, "200.00"))).isEqualTo(HttpStatus.CONFLICT.value());
        Map<String, Object> otherItems = partlyRefunded(orderNo, "200.00", "60.00");
        otherItems.put("items", List.of(Orders.item("PY-102", "Python 进阶课", "TRAINING", "1", "200.00")));
        assertThat(push(otherItems)).isEqualTo(HttpStatus.CONFLICT.value());
        assertThat(refunds.ofOrder(orderNo)).hasSize(1);
    }

    @Test

    @OnMariaDbToo("the order's version under concurrent repeats")
    void concurrentRepeatsOfOneRefundRaiseExactlyOneRedLetter() throws Exception {
        JsonNode original = invoices.forAlice("400.00");
        String orderNo = orderNoOf(original);
        int shops = 3;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(shops);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < shops; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return push(partlyRefunded(orderNo, "400.00", "100.00"));
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).contains(200);
        // a push that lost the race is answered with an error; the shop's retry finds the refund recorded
        assertThat(push(partlyRefunded(orderNo, "400.00", "100.00"))).isEqualTo(200);
        assertThat(refunds.ofOrder(orderNo)).hasSize(1);
    }

    private JsonNode awaitInvoiceStatus(long invoiceId, String status) {
        return Waiting.until("invoice " + invoiceId + " " + status, Duration.ofSeconds(20),
                () -> disputes.invoice("alice", invoiceId), invoice -> status.equals(invoice.get("status").asText()));
    }

    private JsonNode verify(JsonNode invoice) {
        return client("alice").post().uri("/api/verifications").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("number", invoice.get("number").asText(), "issueDate", invoice.get("issueDate").asText(),
                        "totalAmount", invoice.get("totalAmount").asText()))
                .retrieve().body(JsonNode.class);
    }
}
