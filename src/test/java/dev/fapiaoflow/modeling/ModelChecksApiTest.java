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
            "UNKNOWN_BEAN   | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\"><extensionElements><camunda:taskListener event=\"create\" delegateExpression=\"${noSuchListener}\"/></extensionElements></userTask>",
            "UNKNOWN_CLASS  | <serviceTask id=\"step\" activiti:class=\"dev.fapiaoflow.NoSuchDelegate\"/>",
            "UNKNOWN_CLASS  | <userTask id=\"step\" activiti:candidateGroups=\"finance-reviewer\"><extensionElements><activiti:taskListener event=\"create\" class=\"dev.fapiaoflow.NoSuchListener\"/></extensionElements></userTask>",
            "UNKNOWN_GROUP  | <userTask id=\"step\" activiti:candidateGroups=\"no-such-group\"/>",
            "UNKNOWN_GROUP  | <userTask id=\"step\"><potentialOwner><resourceAssignmentExpression><formalExpression>group(no-such-group)</formalExpression></resourceAssignmentExpression></potentialOwner></userTask>",
            "UNKNOWN_USER   | <userTask id=\"step\"><potentialOwner><resourceAssignmentExpression><formalExpression>user(nobody-here), group(finance-reviewer)</formalExpression></resourceAssignmentExpression></potentialOwner></userTask>",
            "UNKNOWN_USER   | <userTask id=\"step\"><humanPerformer><resourceAssignmentExpression><formalExpression>nobody-here</formalExpression></resourceAssignmentExpression></humanPerformer></userTask>",
            "UNKNOWN_USER   | <userTask id=\"step\" camunda:assignee=\"nobody-here\"/>",
            "UNKNOWN_USER   | <userTask id=\"step\" activiti:candidateUsers=\"owner, nobody-here\"/>",
            "SCRIPT_REFUSED | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\"><extensionElements><camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"javascript\">task.setAssignee('x')</camunda:script></camunda:taskListener></extensionElements></userTask>",
            "SCRIPT_REFUSED | <task id=\"step\"><extensionElements><activiti:executionListener event=\"start\"><activiti:script scriptFormat=\"groovy\">1</activiti:script></activiti:executionListener></extensionElements></task>",
            "UNKNOWN_FORM   | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\" camunda:formKey=\"embedded:app:forms/no-such-form.html\"/>",
            "UNKNOWN_FORM   | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\" camunda:formKey=\"camunda-forms:app:forms/no-such-form.form\"/>",
            "UNKNOWN_FORM   | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\" camunda:formKey=\"camunda-forms:deployment:forms/review-special-vat.form\"/>",
            "UNKNOWN_FORM   | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\" camunda:formKey=\"embedded:nowhere:forms/x.html\"/>",
            "UNKNOWN_FORM   | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\" camunda:formRef=\"review-special-vat\" camunda:formRefBinding=\"deployment\"/>",
            "UNKNOWN_PROCESS | <callActivity id=\"step\" calledElement=\"invoice-issuance\" camunda:calledElementBinding=\"deployment\"/>",
            "UNKNOWN_PROCESS | <callActivity id=\"step\" calledElement=\"invoice-issuance\" camunda:calledElementBinding=\"version\" camunda:calledElementVersion=\"999\"/>",
            "UNKNOWN_PROCESS | <callActivity id=\"step\" calledElement=\"invoice-issuance\" camunda:calledElementBinding=\"versionTag\" camunda:calledElementVersionTag=\"no-such-tag\"/>",
            "UNKNOWN_DECISION | <businessRuleTask id=\"step\" camunda:decisionRef=\"four-eyes\" camunda:decisionRefBinding=\"version\" camunda:decisionRefVersion=\"999\" camunda:resultVariable=\"x\" camunda:mapDecisionResult=\"singleEntry\"/>",
            "UNKNOWN_DECISION | <businessRuleTask id=\"step\" camunda:decisionRef=\"four-eyes\" camunda:decisionRefBinding=\"deployment\" camunda:resultVariable=\"x\" camunda:mapDecisionResult=\"singleEntry\"/>" })
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "activiti candidate groups     | <userTask id=\"step\" activiti:candidateGroups=\"finance-reviewer\"/>",
            "potentialOwner group          | <userTask id=\"step\"><potentialOwner><resourceAssignmentExpression><formalExpression>group(finance-reviewer)</formalExpression></resourceAssignmentExpression></potentialOwner></userTask>",
            "potentialOwner plain group    | <userTask id=\"step\"><potentialOwner><resourceAssignmentExpression><formalExpression>finance-manager</formalExpression></resourceAssignmentExpression></potentialOwner></userTask>",
            "humanPerformer known user     | <userTask id=\"step\"><humanPerformer><resourceAssignmentExpression><formalExpression>owner</formalExpression></resourceAssignmentExpression></humanPerformer></userTask>",
            "external form key             | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\" camunda:formKey=\"approveInvoice\"/>",
            "assignee expression           | <userTask id=\"step\" camunda:assignee=\"${initiator}\"/>",
            "activiti assignee known user  | <userTask id=\"step\" activiti:assignee=\"owner\"/>",
            "Camunda Form of the app       | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\" camunda:formKey=\"camunda-forms:app:forms/review-special-vat.form\"/>",
            "called process, version 1     | <callActivity id=\"step\" calledElement=\"invoice-issuance\" camunda:calledElementBinding=\"version\" camunda:calledElementVersion=\"1\"/>",
            "called process by expression  | <callActivity id=\"step\" calledElement=\"${which}\" camunda:calledElementBinding=\"deployment\"/>",
            "decision, latest              | <businessRuleTask id=\"step\" camunda:decisionRef=\"four-eyes\" camunda:resultVariable=\"x\" camunda:mapDecisionResult=\"singleEntry\"/>" })
    void whatTheEngineResolvesPasses(String what, String step) {
        JsonNode check = post("/api/models/checks", Map.of("resourceName", "bpmn/" + KEY + ".bpmn", "content", TestModels.process(KEY, step)))
                .getBody();

        assertThat(check.get("problems")).as(what + ": " + check).isEmpty();
    }

    @Test
    void aCalledProcessOrDecisionOfTheSameDeploymentIsFoundByBindingDeployment() {
        String caller = TestModels.process(KEY, "<callActivity id=\"step\" calledElement=\"" + KEY + "-called\" camunda:calledElementBinding=\"deployment\"/>");
        String called = TestModels.process(KEY + "-called", "<userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\"/>");
        try {
            repository.createDeployment().addString(KEY + ".bpmn", caller).addString(KEY + "-called.bpmn", called).deploy();
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isOne();
        } finally {
            repository.createDeploymentQuery().list().stream()
                    .filter(d -> repository.getDeploymentResourceNames(d.getId()).contains(KEY + ".bpmn"))
                    .forEach(d -> repository.deleteDeployment(d.getId(), true));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "false | isExecutable=\"false\"", "missing | " })
    void aFileWithoutAnExecutableProcessIsRefusedWithThatReason(String what, String executable) {
        String model = TestModels.process(KEY, "<userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\"/>")
                .replace("isExecutable=\"true\"", executable == null ? "" : executable);

        ResponseEntity<JsonNode> deploy = post("/api/models/deployments",
                Map.of("resourceName", "bpmn/" + KEY + ".bpmn", "content", model, "comment", "isExecutable " + what));

        assertThat(deploy.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(deploy.getBody().get("problems")).singleElement().satisfies(problem -> {
            assertThat(problem.get("elementId").asText()).isEqualTo(KEY);
            assertThat(problem.get("kind").asText()).isEqualTo("NOT_EXECUTABLE");
            assertThat(problem.get("message").asText()).contains("isExecutable");
        });
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).as("nothing deployed").isZero();
    }

    @Test
    void aParseErrorIsNamedTogetherWithEveryOtherProblem() {
        String model = TestModels.process(KEY, "<serviceTask id=\"step\"/>"
                + "<scriptTask id=\"other\" scriptFormat=\"javascript\"><script>1</script></scriptTask>"
                + "<userTask id=\"third\" camunda:candidateGroups=\"no-such-group\"/>"
                + "<userTask id=\"fourth\" activiti:candidateGroups=\"finance-reviewer\" activiti:assignee=\"nobody-here\"/>");

        JsonNode check = post("/api/models/checks", Map.of("resourceName", "bpmn/" + KEY + ".bpmn", "content", model)).getBody();

        List<String> named = new java.util.ArrayList<>();
        check.get("problems").forEach(p -> named.add(p.get("elementId").asText() + " " + p.get("kind").asText()));
        assertThat(named).as(check.toString()).containsExactlyInAnyOrder("step PARSE", "other SCRIPT_REFUSED", "third UNKNOWN_GROUP",
                "fourth UNKNOWN_USER");
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
