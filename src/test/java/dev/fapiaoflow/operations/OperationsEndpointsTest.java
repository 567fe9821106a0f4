package dev.fapiaoflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;

/** Health probes for anyone, metrics for admin only, and the metrics named in the README exist. */
class OperationsEndpointsTest extends SpringTestBase {

    @Test
    void readinessReflectsTheDatabaseAndHealthShowsTheMailServer() {
        JsonNode readiness = get(null, "/actuator/health/readiness").getBody();
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("components").fieldNames()).toIterable().containsExactlyInAnyOrder("db", "readinessState");
        assertThat(get(null, "/actuator/health/liveness").getBody().get("status").asText()).isEqualTo("UP");
        JsonNode health = get(null, "/actuator/health").getBody();
        assertThat(health.get("components").get("mail").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("db").has("details")).as("details for admin only").isFalse();
        assertThat(get("admin", "/actuator/health").getBody().get("components").get("db").has("details")).isTrue();
    }

    @Test
    void metricsAreForAdminOnly() {
        assertThat(get(null, "/actuator/metrics").getStatusCode().value()).isEqualTo(401);
        assertThat(get("alice", "/actuator/metrics").getStatusCode().value()).isEqualTo(403);
        assertThat(get("admin", "/actuator/metrics").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void requestsIssuanceTimeQueueDepthAndIncidentsAreMeasured() {
        new IssuedInvoices(this::client).forAlice("88.00");
        JsonNode names = get("admin", "/actuator/metrics").getBody().get("names");
        assertThat(names).extracting(JsonNode::asText).contains("fapiaoflow.requests.submitted", "fapiaoflow.issuance.duration",
                "fapiaoflow.jobs.executable", "fapiaoflow.jobs.failed", "fapiaoflow.incidents.open", "http.server.requests",
                "hikaricp.connections.active", "jvm.memory.used");
        JsonNode accepted = get("admin", "/actuator/metrics/fapiaoflow.requests.submitted?tag=outcome:accepted").getBody();
        assertThat(accepted.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
        JsonNode issued = get("admin", "/actuator/metrics/fapiaoflow.issuance.duration?tag=outcome:success").getBody();
        assertThat(issued.get("measurements").get(0).get("value").asDouble()).as("count").isGreaterThanOrEqualTo(1);
        JsonNode queue = get("admin", "/actuator/metrics/fapiaoflow.jobs.executable").getBody();
        assertThat(queue.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(0);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return (user == null ? org.springframework.web.client.RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build() : client(user))
                .get().uri(path).retrieve().toEntity(JsonNode.class);
    }
}
