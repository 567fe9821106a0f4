package dev.fapiaoflow.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Real invoices issued the way customers get them: the shop pushes a paid order, the customer applies, the
 * process delivers. Gives the invoice as {@code GET /api/invoices/{id}} shows it to its owner.
 */
public final class IssuedInvoices {

    private static final int STATUS_WAIT_SECONDS = 60;

    private final Function<String, RestClient> clients;

    public IssuedInvoices(Function<String, RestClient> clients) {
        this.clients = clients;
    }

    /** A delivered invoice of alice (personal buyer 爱丽丝). */
    public JsonNode forAlice(String price) {
        return issue("alice", Requests.personalNormal(List.of(pushOrder("alice", price)), "爱丽丝", "alice@example.com"));
    }

    /** A delivered invoice of acme (enterprise buyer 北京某某科技有限公司). */
    public JsonNode forAcme(String price) {
        return issue("acme", Requests.enterpriseNormal(List.of(pushOrder("acme", price)), "北京某某科技有限公司",
                "91110108351303601C", "ap@acme.example.com"));
    }

    private String pushOrder(String customer, String price) {
        String orderNo = Orders.newOrderNo();
        clients.apply("shop").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(Orders.paidTrainingOrder(customer, orderNo, price)).retrieve().toBodilessEntity();
        return orderNo;
    }

    /** acme's SPECIAL request with full details, waiting in ReviewSpecialVat; gives its location. */
    public String specialRequestInReview(String price) {
        String location = apply("acme", Requests.acmeSpecial(List.of(pushOrder("acme", price))));
        awaitStatus("acme", location, "IN_REVIEW");
        return location;
    }

    /**
     * Polls the request until it has the status (60 s at most) and gives it. Issuing and delivering run as async jobs
     * that render and sign a PDF; on a loaded 2-core machine that alone took over 20 s, so 15 s failed a fresh clone's
     * `./mvnw verify` although nothing was wrong. The wait ends as soon as the status is there.
     */
    public JsonNode awaitStatus(String customer, String location, String status) {
        RestClient client = clients.apply(customer);
        return Waiting.until("request " + location + " " + status, Duration.ofSeconds(STATUS_WAIT_SECONDS),
                () -> client.get().uri(location).retrieve().body(JsonNode.class),
                request -> status.equals(request.get("status").asText()));
    }

    /** The one open task {@code taskKey} of the request's processes as finance-reviewers see it (10 s at most). */
    public JsonNode financeTask(String requestLocation, String taskKey) {
        String requestId = requestLocation.substring(requestLocation.lastIndexOf('/') + 1);
        JsonNode tasks = Waiting.until("one " + taskKey + " of request " + requestId, Duration.ofSeconds(10),
                () -> clients.apply("reviewer").get()
                        .uri("/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={task}&candidateGroup=finance-reviewer",
                                requestId, taskKey)
                        .retrieve().body(JsonNode.class),
                found -> found.size() == 1);
        return tasks.get(0);
    }

    private String apply(String customer, Map<String, Object> body) {
        return clients.apply(customer).post().uri("/api/invoice-requests").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(JsonNode.class).getHeaders().getLocation().toString();
    }

    private JsonNode issue(String customer, Map<String, Object> body) {
        JsonNode request = awaitStatus(customer, apply(customer, body), "DELIVERED");
        long id = request.get("invoices").get(0).get("id").asLong();
        return clients.apply(customer).get().uri("/api/invoices/{id}", id).retrieve().body(JsonNode.class);
    }
}
