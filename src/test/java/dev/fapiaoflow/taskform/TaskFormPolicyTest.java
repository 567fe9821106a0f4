package dev.fapiaoflow.taskform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * Tasks accept only their form, at every door of a running app: Camunda REST as a script (or Camunda Modeler) calls
 * it, and Tasklist's own form submission under {@code /camunda/api/engine}, with the session of a login and
 * Tasklist's CSRF header, as the browser sends it. A refused write answers 400 in Camunda's error format and
 * changes nothing; facts the four-eyes rule rests on (the amount, the first approver) cannot be forged through
 * variables.
 */
class TaskFormPolicyTest extends SpringTestBase {

    /** 120,000 yuan: above the four-eyes threshold of 100,000 */
    private static final String LARGE = "120000.00";
    private static final Map<String, Object> APPROVE = Map.of("decision", Map.of("value", "approve"));

    private final IssuedInvoices invoices = new IssuedInvoices(this::client);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aReviewerCompletingTheReviewWithAVariableItsFormDoesNotDeclareGets400AndNothingChanges() {
        String location = invoices.specialRequestInReview("330.00");
        String task = taskOf(location, "ReviewSpecialVat");

        ResponseEntity<JsonNode> refused = send("reviewer", "/engine-rest/task/{id}/complete", task, Map.of("variables",
                Map.of("decision", Map.of("value", "approve"), "invoiceType", Map.of("value", "NORMAL"))));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText()).endsWith(
                "task ReviewSpecialVat accepts only the fields of its form review-special-vat [decision, comment]: "
                        + "invoiceType is not one of them");
        assertThat(taskOf(location, "ReviewSpecialVat")).isEqualTo(task);
        assertThat(variablesOf(task).has("decision")).isFalse();
        assertThat(variablesOf(task).has("invoiceType")).isFalse();
    }

    @Test
    void aLargeRequestMadeToLookSmallIsRefusedAndStillNeedsASecondApproval() {
        String location = invoices.specialRequestInReview(LARGE);
        String task = taskOf(location, "ReviewSpecialVat");

        ResponseEntity<JsonNode> completed = send("reviewer", "/engine-rest/task/{id}/complete", task, Map.of("variables",
                Map.of("decision", Map.of("value", "approve"), "totalAmountFen", Map.of("value", 1_000_00, "type", "Long"))));
        ResponseEntity<JsonNode> put = client("reviewer").put().uri("/engine-rest/task/{id}/variables/totalAmountFen", task)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("value", 1_000_00, "type", "Long")).retrieve()
                .toEntity(JsonNode.class);
        ResponseEntity<JsonNode> modified = send("reviewer", "/engine-rest/task/{id}/variables", task,
                Map.of("modifications", Map.of("totalAmountFen", Map.of("value", 1_000_00, "type", "Long"))));

        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(completed.getBody().get("message").asText()).contains("totalAmountFen is not one of them");
        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(put.getBody().get("type").asText()).isEqualTo("VariableWriteRefused");
        ResponseEntity<JsonNode> resolved = send("reviewer", "/engine-rest/task/{id}/resolve", task,
                Map.of("variables", Map.of("totalAmountFen", Map.of("value", 1_000_00, "type", "Long"))));
        assertThat(modified.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(variablesOf(task).get("totalAmountFen").get("value").asLong()).isEqualTo(120_000_00L);

        // a process owner may still change the variable (Cockpit); the decision reads the stored request regardless
        String processInstance = processInstanceOf(task);
        assertThat(client("owner").put().uri("/engine-rest/process-instance/{id}/variables/totalAmountFen", processInstance)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("value", 1_000_00, "type", "Long")).retrieve()
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(send("reviewer", "/engine-rest/task/{id}/complete", task, Map.of("variables", APPROVE)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(taskOf(location, "SecondApproval")).isNotNull();
        assertThat(client("acme").get().uri(location).retrieve().body(JsonNode.class).get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aReviewerCannotChangeTheProcessInstancesVariablesDirectly() {
        String task = taskOf(invoices.specialRequestInReview("340.00"), "ReviewSpecialVat");

        ResponseEntity<JsonNode> put = client("reviewer").put()
                .uri("/engine-rest/process-instance/{id}/variables/totalAmountFen", processInstanceOf(task))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("value", 1, "type", "Long")).retrieve().toEntity(JsonNode.class);

        assertThat(put.getStatusCode().is4xxClientError()).as("refused: " + put.getBody()).isTrue();
        assertThat(variablesOf(task).get("totalAmountFen").get("value").asLong()).isEqualTo(340_00L);
    }

    @Test
    void tasklistsFormSubmissionAcceptsTheFormAndRefusesAnythingElse() throws Exception {
        String location = invoices.specialRequestInReview(LARGE);
        String task = taskOf(location, "ReviewSpecialVat");
        Tasklist tasklist = new Tasklist("reviewer");

        HttpResponse<String> forged = tasklist.submitForm(task, Map.of("decision", Map.of("value", "approve"),
                "totalAmountFen", Map.of("value", 1_000_00, "type", "Long")));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(json.readTree(forged.body()).get("message").asText()).contains("totalAmountFen is not one of them");
        assertThat(variablesOf(task).get("totalAmountFen").get("value").asLong()).isEqualTo(120_000_00L);
        assertThat(taskOf(location, "ReviewSpecialVat")).isEqualTo(task);

        HttpResponse<String> submitted = tasklist.submitForm(task, Map.of("decision", Map.of("value", "approve")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        assertThat(taskOf(location, "SecondApproval")).as("four-eyes still applies").isNotNull();
    }

    @Test
    void theFirstApproverCannotGiveTheSecondApprovalEvenWithAForgedFirstApprover() {
        String location = invoices.specialRequestInReview(LARGE);
        String review = taskOf(location, "ReviewSpecialVat");
        String processInstance = processInstanceOf(review);
        assertThat(send("manager", "/engine-rest/task/{id}/complete", review, Map.of("variables", APPROVE)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String second = taskOf(location, "SecondApproval");

        // the variable the form shows says someone else approved first: through the task refused, by an owner accepted
        ResponseEntity<JsonNode> throughTask = client("manager").put().uri("/engine-rest/task/{id}/variables/firstApprover", second)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("value", "reviewer")).retrieve().toEntity(JsonNode.class);
        assertThat(throughTask.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(client("owner").put().uri("/engine-rest/process-instance/{id}/variables/firstApprover", processInstance)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("value", "reviewer")).retrieve().toBodilessEntity()
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<JsonNode> secondBySameManager = send("manager", "/engine-rest/task/{id}/complete", second,
                Map.of("variables", APPROVE));

        assertThat(secondBySameManager.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(secondBySameManager.getBody().get("message").asText())
                .isEqualTo("four-eyes rule: manager already approved this request as first reviewer");
        assertThat(taskOf(location, "SecondApproval")).isEqualTo(second);
    }

    private ResponseEntity<JsonNode> send(String user, String uri, String taskId, Map<String, Object> body) {
        return client(user).post().uri(uri, taskId).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    private JsonNode variablesOf(String taskId) {
        return client("owner").get().uri("/engine-rest/process-instance/{id}/variables", processInstanceOf(taskId)).retrieve()
                .body(JsonNode.class);
    }

    private String processInstanceOf(String taskId) {
        return client("owner").get().uri("/engine-rest/task/{id}", taskId).retrieve().body(JsonNode.class)
                .get("processInstanceId").asText();
    }

    /** the one open task of the request's approval, as a finance manager sees it (10 s at most: the process runs on) */
    private String taskOf(String requestLocation, String taskKey) {
        String requestId = requestLocation.substring(requestLocation.lastIndexOf('/') + 1);
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode tasks;
        do {
            tasks = client("owner").get().uri("/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={task}",
                    requestId, taskKey).retrieve().body(JsonNode.class);
            if (tasks.size() == 1) {
                return tasks.get(0).get("id").asText();
            }
            sleep();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("expected one " + taskKey + " of request " + requestId + ", found " + tasks);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Tasklist without a browser: a login through the app's form (one login, container-based authentication for
     * Camunda's webapps), then Camunda's CSRF token, which its webapps hand out in the XSRF-TOKEN cookie and expect
     * back in the X-XSRF-TOKEN header of every modifying call.
     */
    private final class Tasklist {

        private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        private final String xsrfToken;

        Tasklist(String user) throws IOException, InterruptedException {
            String page = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = CSRF_FIELD.matcher(page);
            assertThat(token.find()).as("CSRF field on /login").isTrue();
            String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            HttpResponse<Void> login = http.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(login.headers().firstValue("Location").orElse("")).as("login of " + user).doesNotContain("error");
            HttpResponse<Void> count = http.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/count"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.discarding());
            assertThat(count.statusCode()).isEqualTo(200);
            xsrfToken = cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN from Camunda's webapp"));
        }

        HttpResponse<String> submitForm(String taskId, Map<String, Object> variables) throws IOException, InterruptedException {
            String body = json.writeValueAsString(Map.of("variables", variables));
            return http.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", xsrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
