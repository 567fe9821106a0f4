package dev.fapiaoflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.MediaType;

import dev.fapiaoflow.support.Orders;
import dev.fapiaoflow.support.Requests;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.Waiting;

/** The saved Tasklist filters exist once, finance may read them, and they list the right tasks. */
class TasklistFiltersTest extends SpringTestBase {

    @Autowired
    TasklistFilters setup;

    @Autowired
    FilterService filterService;

    @Test
    void bothFiltersExistOnceEvenWhenTheStartUpStepRunsAgain() {
        setup.run(new DefaultApplicationArguments());

        assertThat(filterService.createFilterQuery().filterName(TasklistFilters.REVIEW_FILTER).count()).isEqualTo(1);
        assertThat(filterService.createFilterQuery().filterName(TasklistFilters.POSTING_FILTER).count()).isEqualTo(1);
        for (String staff : List.of("reviewer", "manager")) {
            assertThat(filterNamed(staff, TasklistFilters.POSTING_FILTER)).as(staff + " reads the filter").isNotNull();
        }
        assertThat(filterNamed("acme", TasklistFilters.REVIEW_FILTER)).as("customers do not").isNull();
    }

    @Test
    void reviewerSeesTheWaitingReviewTaskThroughTheReviewFilter() {
        String orderNo = Orders.newOrderNo();
        client("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder("acme", orderNo, "900.00")).retrieve().toBodilessEntity();
        String location = client("acme").post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON)
                .body(Requests.acmeSpecial(List.of(orderNo))).retrieve().toBodilessEntity().getHeaders().getLocation().toString();
        String requestId = location.substring(location.lastIndexOf('/') + 1);
        String filterId = filterNamed("reviewer", TasklistFilters.REVIEW_FILTER).get("id").asText();

        Waiting.until("ReviewSpecialVat of request " + requestId + " in " + TasklistFilters.REVIEW_FILTER,
                Duration.ofSeconds(10), () -> reviewTaskOfRequest(client("reviewer").post()
                        .uri("/engine-rest/filter/{id}/list?maxResults=1000", filterId)
                        .contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().body(JsonNode.class), requestId));
    }

    private boolean reviewTaskOfRequest(JsonNode tasks, String requestId) {
        JsonNode review = client("reviewer").get()
                .uri("/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey=ReviewSpecialVat", requestId)
                .retrieve().body(JsonNode.class);
        boolean found = false;
        for (JsonNode task : tasks) {
            assertThat(task.get("taskDefinitionKey").asText()).isIn("ReviewSpecialVat", "SecondApproval");
            found |= review.size() == 1 && review.get(0).get("id").asText().equals(task.get("id").asText());
        }
        return found;
    }

    private JsonNode filterNamed(String user, String name) {
        JsonNode found = client(user).get().uri("/engine-rest/filter?name={name}", name).retrieve().body(JsonNode.class);
        return found != null && found.isArray() && found.size() == 1 ? found.get(0) : null;
    }
}
