package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.delivery.DeliveryProcess;
import dev.fapiaoflow.issuance.internal.InvoiceRepository;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.SpringTestBase;

/** {@code GET /api/invoices/{id}/timeline} and its page: for the owner and the back office, 404 for anyone else. */
class InvoiceTimelineTest extends SpringTestBase {

    @Autowired
    ObjectMapper json;

    @Autowired
    InvoiceRepository invoiceRepository;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void ownerSeesIssuedDeliveredByMailAndVerifiedByDistinctPartiesButNoFlags() throws Exception {
        JsonNode invoice = new IssuedInvoices(this::client).forAlice("901.00");
        Checks checks = new Checks(mockMvc, json);
        checks.anonymously(Checks.of(invoice));
        checks.anonymously(Checks.of(invoice));
        checks.anonymously(Checks.wrongTotalOf(invoice));
        long id = invoice.get("id").asLong();

        JsonNode timeline = timeline("alice", id).body();
        assertThat(timeline.get("number").asText()).isEqualTo(invoice.get("number").asText());
        assertThat(timeline.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(timeline.get("verifiedBy").asLong()).isEqualTo(2);
        assertThat(types(timeline)).containsExactly("ISSUED", "DELIVERED", "FIRST_VERIFIED", "LAST_VERIFIED");
        assertThat(event(timeline, "DELIVERED").get("actor").asText()).isEqualTo("mail");
        assertThat(event(timeline, "LAST_VERIFIED").get("detail").asText()).isEqualTo("2");
        assertThat(Instant.parse(timeline.get("firstVerifiedAt").asText()))
                .isBeforeOrEqualTo(Instant.parse(timeline.get("lastVerifiedAt").asText()));

        JsonNode finance = timeline("reviewer", id).body();
        assertThat(types(finance)).containsExactly("ISSUED", "DELIVERED", "FIRST_VERIFIED", "LAST_VERIFIED", "FLAG_RAISED");
        assertThat(event(finance, "FLAG_RAISED").get("detail").asText()).isEqualTo("MULTIPLE_VERIFIERS");
        assertThat(timeline("manager", id).status()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void someoneElsesOrAnUnknownInvoiceIsNotFound() throws Exception {
        JsonNode invoice = new IssuedInvoices(this::client).forAcme("902.00");
        long id = invoice.get("id").asLong();

        assertThat(timeline("acme", id).status()).isEqualTo(HttpStatus.OK);
        assertThat(timeline("alice", id).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(timeline("shop", id).status()).as("the shop account pushes orders, nothing else").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(timeline("reviewer", Long.MAX_VALUE).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(mockMvc.perform(get("/api/invoices/{id}/timeline", id)).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(client("alice").get().uri("/invoices/{id}/timeline", id).retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void voidedInvoiceShowsTheVoidingWithItsReasonAndTheFlagOfItsVerification() throws Exception {
        JsonNode invoice = new IssuedInvoices(this::client).forAlice("903.00");
        long id = invoice.get("id").asLong();
        transactions.executeWithoutResult(tx -> invoiceRepository.findById(id).orElseThrow()
                .markVoided("manager", Instant.now(), "开错抬头"));
        new Checks(mockMvc, json).anonymously(Checks.of(invoice));

        JsonNode timeline = timeline("reviewer", id).body();
        assertThat(timeline.get("status").asText()).isEqualTo("VOIDED");
        assertThat(types(timeline)).containsExactly("ISSUED", "DELIVERED", "VOIDED", "FIRST_VERIFIED", "FLAG_RAISED");
        assertThat(event(timeline, "VOIDED").get("actor").asText()).isEqualTo("manager");
        assertThat(event(timeline, "VOIDED").get("detail").asText()).isEqualTo("开错抬头");
        assertThat(event(timeline, "FLAG_RAISED").get("detail").asText()).isEqualTo("INVALIDATED_INVOICE_VERIFIED");
    }

    @Test
    void paperInvoiceShowsPostingAndReceiptOnTheApiAndThePage() throws Exception {
        String location = approvedPaperRequest();
        long invoiceId = client("acme").get().uri(location).retrieve().body(JsonNode.class).get("invoices").get(0).get("id").asLong();
        String tracking = "SF" + System.nanoTime() % 10_000_000_000L;
        String posting = task(location, DeliveryProcess.Elements.POST_PAPER_INVOICE).get("id").asText();
        client("reviewer").post().uri("/engine-rest/task/{id}/complete", posting).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("courier", Map.of("value", "SF"), "trackingNumber", Map.of("value", tracking))))
                .retrieve().toBodilessEntity();
        client("acme").post().uri(location + "/receipt").retrieve().toBodilessEntity();

        JsonNode timeline = timeline("acme", invoiceId).body();
        assertThat(types(timeline)).containsExactly("ISSUED", "POSTED", "RECEIVED", "DELIVERED");
        assertThat(event(timeline, "POSTED").get("detail").asText()).isEqualTo("SF " + tracking);
        assertThat(event(timeline, "DELIVERED").get("actor").asText()).isEqualTo("customer");

        String page = client("acme").get().uri("/invoices/{id}/timeline", invoiceId).retrieve().body(String.class);
        assertThat(page).contains("data-event=\"POSTED\"", "data-event=\"RECEIVED\"", tracking, "客户确认收到");
        assertThat(client("acme").get().uri("/invoices").retrieve().body(String.class))
                .as("the portal links the timeline").contains("href=\"/invoices/" + invoiceId + "/timeline\"");
    }

    private record Answer(HttpStatus status, JsonNode body) {
    }

    private Answer timeline(String user, long id) {
        var response = client(user).get().uri("/api/invoices/{id}/timeline", id).retrieve().toEntity(JsonNode.class);
        return new Answer(HttpStatus.valueOf(response.getStatusCode().value()), response.getBody());
    }

    private static List<String> types(JsonNode timeline) {
        List<String> types = new ArrayList<>();
        timeline.get("events").forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    private static JsonNode event(JsonNode timeline, String type) {
        for (JsonNode event : timeline.get("events")) {
            if (event.get("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " in " + timeline);
    }

    /** acme's paper special invoice, approved by reviewer and issued: waiting for finance to post it */
    private String approvedPaperRequest() {
        String orderNo = Orders.newOrderNo();
        client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder("acme", orderNo, "800.00")).retrieve().toBodilessEntity();
        String location = client("acme").post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON)
                .body(Requests.acmeSpecialByPost(List.of(orderNo))).retrieve().toBodilessEntity()
                .getHeaders().getLocation().toString();
        IssuedInvoices invoices = new IssuedInvoices(this::client);
        invoices.awaitStatus("acme", location, "IN_REVIEW");
        String review = task(location, "ReviewSpecialVat").get("id").asText();
        client("reviewer").post().uri("/engine-rest/task/{id}/complete", review).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("decision", Map.of("value", "approve")))).retrieve().toBodilessEntity();
        invoices.awaitStatus("acme", location, "ISSUED");
        return location;
    }

    private JsonNode task(String requestLocation, String taskKey) {
        return new IssuedInvoices(this::client).financeTask(requestLocation, taskKey);
    }
}
