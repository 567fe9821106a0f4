package dev.fapiaoflow.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.fapiaoflow.modeling.TestModels;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.Waiting;

/**
 * Camunda's own invoice example, as published (see {@code modeling/outside/camunda-invoice/NOTICE.md}), meets the same
 * rules at every door and every door names all of its problems at once, each at its element, in the same shape; with
 * its Java class and scripts replaced (and its forms deployed with it) it deploys and runs its happy path to the end.
 */
class CamundaInvoiceExampleTest extends SpringTestBase {

    private static final String HERE = "src/test/resources/modeling/outside/camunda-invoice/";
    private static final String ARCHIVE_CLASS = "org.camunda.bpm.example.invoice.service.ArchiveInvoiceService";

    /** the problems of the three files deployed together, as resource · element · kind */
    private static final List<String> TOGETHER = List.of(
            "invoice.v2.bpmn · approveInvoice · SCRIPT_REFUSED",
            "invoice.v2.bpmn · approveInvoice · SCRIPT_REFUSED",
            "invoice.v2.bpmn · ServiceTask_1 · CLASS_REFUSED",
            "invoice.v2.bpmn · approveInvoice · UNKNOWN_FORM",
            "invoice.v2.bpmn · prepareBankTransfer · UNKNOWN_FORM",
            "invoice.v2.bpmn · prepareBankTransfer · UNKNOWN_GROUP",
            "invoice.v2.bpmn · StartEvent_1 · UNKNOWN_FORM",
            "invoice.v2.bpmn · ServiceTask_1 · UNKNOWN_CLASS",
            "reviewInvoice.bpmn · assignReviewer · UNKNOWN_FORM",
            "reviewInvoice.bpmn · assignReviewer · UNKNOWN_USER",
            "reviewInvoice.bpmn · reviewInvoice · UNKNOWN_FORM");
    /** invoice.v2.bpmn alone (the modeler deploys one file): also its decision and the called process */
    private static final List<String> INVOICE_ALONE = alone("invoice.v2.bpmn", "invoice.v2.bpmn · assignApprover · UNKNOWN_DECISION",
            "invoice.v2.bpmn · reviewInvoice · UNKNOWN_PROCESS");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void assertionsOnThisEngine() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void removeTheExample() {
        BpmnAwareTests.reset();
        repository.createDeploymentQuery().list().stream()
                .filter(d -> !repository.createProcessDefinitionQuery().deploymentId(d.getId()).processDefinitionKeyIn("invoice", "ReviewInvoice")
                        .list().isEmpty())
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
        identity.deleteGroup("accounting");
        identity.deleteUser("demo");
    }

    @Test
    void asStartUpFilesTheExampleStopsTheDeploymentNamingAllItsProblems() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("bpmn/invoice.v2.bpmn", bytes(original("invoice.v2.bpmn")));
        files.put("bpmn/reviewInvoice.bpmn", bytes(original("reviewInvoice.bpmn")));
        files.put("dmn/invoiceBusinessDecisions.dmn", bytes(original("invoiceBusinessDecisions.dmn")));

        ModelNotDeployable refused = catchThrowableOfType(ModelNotDeployable.class, () -> ModelFiles.deployChanged(repository, files));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.refusedItems().stream().map(p -> p.resource().replaceFirst("^(bpmn|dmn)/", "") + " · " + p.elementId()
                + " · " + p.kind())).containsExactlyInAnyOrderElementsOf(TOGETHER);
        assertThat(refused.refusedItems()).filteredOn(p -> p.kind().equals("CLASS_REFUSED")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains(ARCHIVE_CLASS));
        assertNothingDeployed();
    }

    @Test
    void theModelersApiChecksAndRefusesEachFileWithAllItsProblems() {
        JsonNode check = postJson("/api/models/checks", Map.of("resourceName", "bpmn/invoice.v2.bpmn", "content", original("invoice.v2.bpmn")))
                .getBody();
        assertThat(problems("invoice.v2.bpmn", check.get("problems"))).containsExactlyInAnyOrderElementsOf(INVOICE_ALONE);

        ResponseEntity<JsonNode> deploy = postJson("/api/models/deployments", Map.of("resourceName", "bpmn/invoice.v2.bpmn",
                "content", original("invoice.v2.bpmn"), "comment", "Camunda's invoice example"));
        assertThat(deploy.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problems("invoice.v2.bpmn", deploy.getBody().get("problems"))).containsExactlyInAnyOrderElementsOf(INVOICE_ALONE);

        ResponseEntity<JsonNode> review = postJson("/api/models/deployments", Map.of("resourceName", "bpmn/reviewInvoice.bpmn",
                "content", original("reviewInvoice.bpmn"), "comment", "Camunda's invoice example"));
        assertThat(review.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(problems("reviewInvoice.bpmn", review.getBody().get("problems")))
                .containsExactlyInAnyOrderElementsOf(alone("reviewInvoice.bpmn"));
        assertNothingDeployed();
    }

    @Test
    void theBrowserModelersDeploymentIsRefusedWithAllItsProblems() throws Exception {
        var response = mockMvc.perform(post("/api/models/deployments").with(user("owner").authorities(new SimpleGrantedAuthority("process-owner")))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("resourceName",
                        "bpmn/invoice.v2.bpmn", "content", original("invoice.v2.bpmn"), "comment", "from the editor"))))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.value());
        JsonNode body = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problems("invoice.v2.bpmn", body.get("problems"))).containsExactlyInAnyOrderElementsOf(INVOICE_ALONE);
        assertNothingDeployed();
    }

    @Test
    void camundaModelersDeploymentIsRefusedWithAllItsProblemsInCamundasFormatAndOurs() {
        ResponseEntity<JsonNode> refused = deployOverEngineRest(Map.of("invoice.v2.bpmn", original("invoice.v2.bpmn"),
                "reviewInvoice.bpmn", original("reviewInvoice.bpmn"), "invoiceBusinessDecisions.dmn", original("invoiceBusinessDecisions.dmn")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        List<String> named = new ArrayList<>();
        refused.getBody().get("problems").forEach(p -> {
            assertThat(p.get("message").asText()).isNotBlank();
            named.add(p.get("resource").asText() + " · " + p.get("elementId").asText() + " · " + p.get("kind").asText());
        });
        assertThat(named).containsExactlyInAnyOrderElementsOf(TOGETHER);
        assertThat(refused.getBody().at("/details/invoice.v2.bpmn/errors").toString()).contains("\"mainElementId\":\"ServiceTask_1\"",
                "\"mainElementId\":\"approveInvoice\"", "\"mainElementId\":\"prepareBankTransfer\"");
        assertThat(refused.getBody().get("message").asText()).contains(ARCHIVE_CLASS, "javascript", "accounting", "demo");
        assertNothingDeployed();
    }

    @Test
    void withItsClassAndScriptsReplacedAndItsFormsAlongTheExampleDeploysAndRunsItsHappyPath() {
        Group accounting = identity.newGroup("accounting");
        identity.saveGroup(accounting);
        User demo = identity.newUser("demo");
        identity.saveUser(demo);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("invoice.v2.bpmn", runnable(original("invoice.v2.bpmn")));
        files.put("reviewInvoice.bpmn", runnable(original("reviewInvoice.bpmn")));
        files.put("invoiceBusinessDecisions.dmn", original("invoiceBusinessDecisions.dmn"));
        for (String form : List.of("approve-invoice", "assign-reviewer", "prepare-bank-transfer", "review-invoice", "start-form")) {
            files.put("forms/" + form + ".html", original("forms/" + form + ".html"));
        }

        ResponseEntity<JsonNode> deployed = deployOverEngineRest(files);

        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        ProcessInstance instance = runtime.startProcessInstanceByKey("invoice", Map.of("amount", 30.0, "invoiceCategory", "Misc",
                "creditor", "Great Pizza for Everyone Inc.", "invoiceNumber", "GPFE-23232323"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("approveInvoice");
        assertThat(tasks.getIdentityLinksForTask(task(instance).getId())).as("candidate groups from the decision table")
                .extracting(link -> link.getGroupId()).contains("accounting", "sales");
        assertThat(task(instance).getDueDate()).as("${dateTime().plusWeeks(1).toDate()}").isInTheFuture();

        tasks.setAssignee(task(instance).getId(), "demo");
        assertThat(runtime.getVariable(instance.getId(), "approver")).as("the assignment listener, now an expression").isEqualTo("demo");
        complete(task(instance), withVariables("approved", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("prepareBankTransfer");
        complete(task(instance));

        Waiting.until("the archive job (asynchronous) ran", java.time.Duration.ofSeconds(30),
                () -> runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0);
        BpmnAwareTests.assertThat(instance).hasPassedInOrder("StartEvent_1", "assignApprover", "approveInvoice", "invoice_approved",
                "prepareBankTransfer", "ServiceTask_1", "invoiceProcessed").isEnded();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName("archived")
                .singleResult().getValue()).isEqualTo("GPFE-23232323");
    }

    /** the test's stand-in for the example's ArchiveInvoiceService, registered nowhere but here */
    public static class ArchiveInvoice implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("archived", execution.getVariable("invoiceNumber"));
        }
    }

    /**
     * the example with its Java class replaced by the test's delegate, its JavaScript task listeners by expressions that
     * do the same, and its embedded forms taken from the deployment instead of the example's web application
     */
    private static String runnable(String model) {
        String replaced = model
                .replace("camunda:class=\"" + ARCHIVE_CLASS + "\"", "camunda:class=\"" + ArchiveInvoice.class.getName() + "\"")
                .replaceAll("(?s)<camunda:taskListener event=\"create\">\\s*<camunda:script scriptFormat=\"javascript\">.*?</camunda:taskListener>",
                        "<camunda:taskListener event=\"create\" expression=\"\\${task.getVariable('approver') != null ? "
                                + "task.setAssignee(task.getVariable('approver')) : null}\" />")
                .replaceAll("(?s)<camunda:taskListener event=\"assignment\">\\s*<camunda:script scriptFormat=\"javascript\">.*?</camunda:taskListener>",
                        "<camunda:taskListener event=\"assignment\" expression=\"\\${task.setVariable('approver', task.assignee)}\" />")
                .replace("embedded:app:forms/", "embedded:deployment:forms/");
        assertThat(replaced).doesNotContain("scriptFormat", "org.camunda.bpm.example", "embedded:app:");
        return replaced;
    }

    private static List<String> alone(String resource, String... more) {
        List<String> problems = new ArrayList<>(TOGETHER.stream().filter(p -> p.startsWith(resource + " ")).toList());
        problems.addAll(List.of(more));
        return problems;
    }

    private static List<String> problems(String resource, JsonNode problems) {
        List<String> named = new ArrayList<>();
        problems.forEach(p -> {
            assertThat(p.get("message").asText()).isNotBlank();
            named.add(resource + " · " + p.get("elementId").asText() + " · " + p.get("kind").asText());
        });
        return named;
    }

    private void assertNothingDeployed() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKeyIn("invoice", "ReviewInvoice").count()).as("nothing deployed")
                .isZero();
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("invoice-assign-approver").count()).isZero();
    }

    private ResponseEntity<JsonNode> deployOverEngineRest(Map<String, String> files) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "camunda-invoice");
        form.add("deployment-source", "Camunda Modeler");
        files.forEach((file, content) -> form.add(file, new ByteArrayResource(bytes(content)) {
            @Override
            public String getFilename() {
                return file;
            }
        }));
        return client("owner").post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> postJson(String path, Object body) {
        return client("owner").post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private static String original(String file) {
        return TestModels.file(HERE + file);
    }

    private static byte[] bytes(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
