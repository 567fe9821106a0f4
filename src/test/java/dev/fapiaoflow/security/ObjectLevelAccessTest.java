package dev.fapiaoflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * Object-level rules beyond the roles of the endpoint matrix: someone else's invoice, title or dispute is "not
 * found" (404, never 403, so ids cannot be probed); customer service reads the invoices of disputes only.
 */
class ObjectLevelAccessTest extends SpringTestBase {

    private final IssuedInvoices invoices = new IssuedInvoices(this::client);

    @Test
    void aCustomerFindsNothingOfAnotherCustomer() {
        long invoiceId = invoices.forAlice("71.00").get("id").asLong();
        long titleId = client("alice").post().uri("/api/buyer-profiles").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("buyerType", "PERSONAL", "title", "爱丽丝"))
                .retrieve().body(JsonNode.class).get("id").asLong();
        long disputeId = raise("alice", invoiceId);

        assertThat(status("acme", "/api/invoices/" + invoiceId)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("acme", "/api/invoices/" + invoiceId + "/pdf")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("acme", "/api/invoices/" + invoiceId + "/history")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("acme", "/api/disputes/" + disputeId)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(client("acme").delete().uri("/api/buyer-profiles/{id}", titleId).retrieve().toBodilessEntity()
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ids(client("acme").get().uri("/api/invoices?size=100").retrieve().body(JsonNode.class))).doesNotContain(invoiceId);
        assertThat(client("acme").get().uri("/api/orders").retrieve().body(String.class)).doesNotContain("\"customer\":\"alice\"");

        assertThat(status("alice", "/api/invoices/" + invoiceId)).isEqualTo(HttpStatus.OK);
        assertThat(status("alice", "/api/disputes/" + disputeId)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void customerServiceReadsTheInvoicesOfDisputesOnly() {
        long disputed = invoices.forAlice("72.00").get("id").asLong();
        long undisputed = invoices.forAlice("73.00").get("id").asLong();
        raise("alice", disputed);

        assertThat(status("service", "/api/invoices/" + disputed)).isEqualTo(HttpStatus.OK);
        assertThat(status("service", "/api/invoices/" + undisputed)).isEqualTo(HttpStatus.NOT_FOUND);
        List<Long> listed = ids(client("service").get().uri("/api/invoices?size=100").retrieve().body(JsonNode.class));
        assertThat(listed).contains(disputed).doesNotContain(undisputed);
        assertThat(status("reviewer", "/api/invoices/" + undisputed)).as("finance sees all").isEqualTo(HttpStatus.OK);
    }

    private long raise(String customer, long invoiceId) {
        JsonNode raised = client(customer).post().uri("/api/invoices/{id}/disputes", invoiceId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "WRONG_TITLE", "description", "抬头写错了", "correction", Map.of("title", "王爱丽")))
                .retrieve().body(JsonNode.class);
        assertThat(raised.has("id")).as("dispute raised: " + raised).isTrue();
        return raised.get("id").asLong();
    }

    private HttpStatusCode status(String user, String uri) {
        return client(user).get().uri(uri).retrieve().toBodilessEntity().getStatusCode();
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
