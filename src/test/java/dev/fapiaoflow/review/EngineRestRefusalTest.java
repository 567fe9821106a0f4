package dev.fapiaoflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * The review's task listeners refuse over Camunda REST with 400 and their reason, not a 500: the engine wraps a
 * listener's exception, and {@code EngineRestRefusals} unwraps it. The task stays open each time.
 */
class EngineRestRefusalTest extends SpringTestBase {

    private final IssuedInvoices invoices = new IssuedInvoices(this::client);

    @Test
    void aRejectionWithoutACommentIsABadRequestWithTheReason() {
        String task = taskOf(invoices.specialRequestInReview("310.00"), "ReviewSpecialVat");

        ResponseEntity<JsonNode> refused = post("reviewer", "/engine-rest/task/{id}/complete", task,
                Map.of("variables", Map.of("decision", Map.of("value", "reject"))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("type").asText()).isEqualTo("ReviewRefused");
        assertThat(refused.getBody().get("message").asText()).isEqualTo("comment is required for reject: the customer reads it");
        assertThat(taskExists(task)).isTrue();
    }

    @Test
    void theTasklistsFormSubmissionIsRefusedTheSameWay() {
        String task = taskOf(invoices.specialRequestInReview("320.00"), "ReviewSpecialVat");

        ResponseEntity<JsonNode> refused = post("reviewer", "/engine-rest/task/{id}/submit-form", task,
                Map.of("variables", Map.of("decision", Map.of("value", "more-info"), "comment", Map.of("value", " "))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText()).contains("comment is required for more-info");
        assertThat(taskExists(task)).isTrue();
    }

    @Test
    void theFirstApproverCompletingOrClaimingTheSecondApprovalIsABadRequest() {
        String location = invoices.specialRequestInReview("150000.00");
        ResponseEntity<JsonNode> approved = post("manager", "/engine-rest/task/{id}/complete", taskOf(location, "ReviewSpecialVat"),
                Map.of("variables", Map.of("decision", Map.of("value", "approve"))));
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String second = taskOf(location, "SecondApproval");

        ResponseEntity<JsonNode> completed = post("manager", "/engine-rest/task/{id}/complete", second,
                Map.of("variables", Map.of("decision", Map.of("value", "approve"))));
        ResponseEntity<JsonNode> claimed = post("manager", "/engine-rest/task/{id}/claim", second, Map.of("userId", "manager"));

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(completed.getBody().get("message").asText())
                .isEqualTo("four-eyes rule: manager already approved this request as first reviewer");
        assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(claimed.getBody().get("message").asText()).contains("four-eyes rule");
        assertThat(taskExists(second)).isTrue();
    }

    @Test
    void otherErrorsKeepCamundasOwnAnswer() {
        ResponseEntity<JsonNode> unknownVariableType = post("reviewer", "/engine-rest/task/{id}/complete", "no-such-task",
                Map.of("variables", Map.of("decision", Map.of("value", "x", "type", "NoSuchType"))));

        assertThat(unknownVariableType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownVariableType.getBody().get("type").asText()).isEqualTo("InvalidRequestException");
    }

    private ResponseEntity<JsonNode> post(String user, String uri, String taskId, Map<String, Object> body) {
        return client(user).post().uri(uri, taskId).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    private boolean taskExists(String taskId) {
        return client("manager").get().uri("/engine-rest/task/{id}", taskId).retrieve().toBodilessEntity().getStatusCode()
                .is2xxSuccessful();
    }

    private String taskOf(String requestLocation, String taskKey) {
        String requestId = requestLocation.substring(requestLocation.lastIndexOf('/') + 1);
        JsonNode tasks = client("manager").get()
                .uri("/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={task}", requestId, taskKey)
                .retrieve().body(JsonNode.class);
        assertThat(tasks).as(taskKey + " of request " + requestId).hasSize(1);
        return tasks.get(0).get("id").asText();
    }
}
