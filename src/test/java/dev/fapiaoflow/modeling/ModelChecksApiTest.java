package dev.fapiaoflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.SpringTestBase;

/** The checks before a deployment: each kind of problem, named with its element, blocks it; the shipped models pass. */
class ModelChecksApiTest extends SpringTestBase {

    private static final String KEY = "modeling-check-test";

    @Autowired
    RepositoryService repository;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "UNKNOWN_BEAN   | <serviceTask id=\"step\" camunda:delegateExpression=\"${noSuchDelegate}\"/>",
            "UNKNOWN_BEAN   | <serviceTask id=\"step\" camunda:expression=\"${noSuchService.run(execution)}\"/>",
            "UNKNOWN_CLASS  | <serviceTask id=\"step\" camunda:class=\"dev.fapiaoflow.NoSuchDelegate\"/>",
            "UNKNOWN_DECISION | <businessRuleTask id=\"step\" camunda:decisionRef=\"no-such-decision\" camunda:resultVariable=\"x\" camunda:mapDecisionResult=\"singleEntry\"/>",
            "UNKNOWN_PROCESS | <callActivity id=\"step\" calledElement=\"no-such-process\"/>",
            "UNKNOWN_FORM   | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\" camunda:formRef=\"no-such-form\" camunda:formRefBinding=\"latest\"/>",
            "NO_CANDIDATE_GROUP | <userTask id=\"step\"/>",
            "UNKNOWN_GROUP  | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer, no-such-group\"/>",
            "PARSE          | <serviceTask id=\"step\"/>",
            "UNKNOWN_BEAN   | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\"><extensionElements><camunda:taskListener event=\"create\" delegateExpression=\"${noSuchListener}\"/></extensionElements></userTask>" })
    void eachProblemIsNamedWithItsElementAndBlocksTheDeployment(String kind, String step) {
        String model = TestModels.process(KEY, step);

        JsonNode check = post("/api/models/checks", Map.of("resourceName", "bpmn/" + KEY + ".bpmn", "content", model)).getBody();
        assertThat(check.get("problems")).as(check.toString()).anySatisfy(problem -> {
            assertThat(problem.get("kind").asText()).isEqualTo(kind);
            assertThat(problem.get("elementId").asText()).isEqualTo("step");
        });

        ResponseEntity<JsonNode> deploy = post("/api/models/deployments",
                Map.of("resourceName", "bpmn/" + KEY + ".bpmn", "content", model, "comment", "should be refused"));
        assertThat(deploy.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(deploy.getBody().get("problems").toString()).contains("\"elementId\":\"step\"", kind);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).as("nothing deployed").isZero();
    }

    @Test
    void aDelegateExpressionNamingNoBeanIsRefusedNamingTheElement() {
        String model = TestModels.process(KEY, "<serviceTask id=\"sendReminder\" camunda:delegateExpression=\"${reminderMailer}\"/>")
                .replace("targetRef=\"step\"", "targetRef=\"sendReminder\"").replace("sourceRef=\"step\"", "sourceRef=\"sendReminder\"");

        ResponseEntity<JsonNode> deploy = post("/api/models/deployments",
                Map.of("resourceName", "bpmn/" + KEY + ".bpmn", "content", model, "comment", "remind the customer"));

        assertThat(deploy.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = deploy.getBody().get("problems").get(0);
        assertThat(problem.get("elementId").asText()).isEqualTo("sendReminder");
        assertThat(problem.get("kind").asText()).isEqualTo("UNKNOWN_BEAN");
        assertThat(problem.get("message").asText()).contains("reminderMailer");
    }

    @Test
    void everyShippedModelPassesTheChecksAndTheDecisionCasesMatchTheShippedTables() throws IOException {
        List<Path> files;
        try (Stream<Path> bpmn = Files.list(Path.of("bpmn")); Stream<Path> dmn = Files.list(Path.of("dmn"));
                Stream<Path> forms = Files.list(Path.of("forms"))) {
            files = Stream.of(bpmn, dmn, forms).flatMap(s -> s).sorted().toList();
        }
        for (Path file : files) {
            String resourceName = file.getParent().getFileName() + "/" + file.getFileName();
            JsonNode check = post("/api/models/checks", Map.of("resourceName", resourceName, "content", Files.readString(file))).getBody();
            assertThat(check.get("problems")).as(resourceName + ": " + check).isEmpty();
            assertThat(check.get("differences")).as(resourceName + ": " + check).isEmpty();
        }
    }

    @Test
    void aGoodModelPassesAndAWrongResourceNameIsABadRequest() {
        String model = TestModels.process(KEY, "<userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\" "
                + "camunda:formRef=\"review-special-vat\" camunda:formRefBinding=\"latest\"/>");
        assertThat(post("/api/models/checks", Map.of("resourceName", "bpmn/" + KEY + ".bpmn", "content", model)).getBody()
                .get("problems")).isEmpty();

        ResponseEntity<JsonNode> badName = post("/api/models/checks", Map.of("resourceName", "../etc/x.bpmn", "content", model));
        assertThat(badName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badName.getBody().get("errors").get(0).get("field").asText()).isEqualTo("resourceName");
    }

    @Test
    void onlyProcessOwnersAndAdministratorsModel() {
        for (String user : List.of("alice", "reviewer", "manager", "shop")) {
            assertThat(client(user).get().uri("/api/models").retrieve().toBodilessEntity().getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(client("admin").get().uri("/api/models").retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode library = client("owner").get().uri("/api/models").retrieve().body(JsonNode.class);
        assertThat(library.toString()).contains("\"key\":\"four-eyes\"", "\"key\":\"invoice-request\"", "\"key\":\"review-special-vat\"",
                "\"origin\":\"FILE\"");
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return client("owner").post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }
}
