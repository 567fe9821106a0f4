package dev.fapiaoflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.SignOnTestBase;

/**
 * {@code /api} and {@code /engine-rest} with Keycloak's tokens: the shop's integration pushes with a client-credentials
 * token, for a learner who has never signed in; the learner's own token then finds the order (the first call made the
 * account); staff reach Camunda's REST API with theirs, customers and forged tokens do not.
 */
class SignOnApiIT extends SignOnTestBase {

    @Autowired
    IdentityService identityService;

    @Test
    void theShopPushesWithAMachineTokenForALearnerWhoHasNotSignedInAndTheLearnerFindsTheOrder() {
        assertThat(identityService.createUserQuery().userId("zhou").count()).as("zhou has never signed in").isZero();
        String orderNo = Orders.newOrderNo();

        ResponseEntity<String> pushed = bearer(shopToken()).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder("zhou", orderNo, "880.00")).retrieve().toEntity(String.class);
        assertThat(pushed.getStatusCode().value()).as(pushed.getBody()).isEqualTo(201);

        JsonNode own = bearer(personToken("zhou")).get().uri("/api/orders").retrieve().body(JsonNode.class);
        assertThat(own.findValuesAsText("orderNo")).contains(orderNo);
        assertThat(identityService.createGroupQuery().groupMember("zhou").list()).extracting(Group::getId)
                .containsExactly("customer");
        assertThat(identityService.createUserQuery().userId("zhou").singleResult().getEmail()).isEqualTo("zhou@example.com");
    }

    @Test
    void anOrderForAStaffAccountIsRefusedEvenWithSignOn() {
        ResponseEntity<String> pushed = bearer(shopToken()).post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder("reviewer", Orders.newOrderNo(), "10.00")).retrieve().toEntity(String.class);

        assertThat(pushed.getStatusCode().value()).isEqualTo(400);
        assertThat(pushed.getBody()).contains("customer");
    }

    @Test
    void theShopsMachineTokenDoesNothingButPushOrders() {
        String shop = shopToken();

        assertThat(bearer(shop).get().uri("/api/orders").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
        assertThat(bearer(shop).get().uri("/engine-rest/task").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aReviewersTokenReachesCamundasRestApiAsTheReviewer() {
        String reviewer = personToken("reviewer");

        ResponseEntity<JsonNode> tasks = bearer(reviewer).get().uri("/engine-rest/task").retrieve().toEntity(JsonNode.class);
        assertThat(tasks.getStatusCode().value()).isEqualTo(200);
        assertThat(tasks.getBody().isArray()).isTrue();
        // Camunda sees the reviewer's groups from its own store, which the token kept in step
        ResponseEntity<JsonNode> groups = bearer(reviewer).get().uri("/engine-rest/group?member=reviewer").retrieve()
                .toEntity(JsonNode.class);
        assertThat(groups.getBody().findValuesAsText("id")).contains("finance-reviewer");
        assertThat(bearer(reviewer).get().uri("/api/orders").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void aCustomersTokenIsRefusedAtCamundasRestApi() {
        assertThat(bearer(personToken("alice")).get().uri("/engine-rest/task").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aTamperedOrForeignTokenIsRefused() {
        String token = personToken("reviewer");
        String[] parts = token.split("\\.");
        // the same signature over a payload that claims another name
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"reviewer\"", "\"admin\"").getBytes())
                + "." + parts[2];

        for (String bad : List.of(forged, "not-a-token")) {
            assertThat(bearer(bad).get().uri("/engine-rest/task").retrieve().toBodilessEntity().getStatusCode().value())
                    .isEqualTo(401);
            assertThat(bearer(bad).get().uri("/api/orders").retrieve().toBodilessEntity().getStatusCode().value())
                    .isEqualTo(401);
        }
    }
}
