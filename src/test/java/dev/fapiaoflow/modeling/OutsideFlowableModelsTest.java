package dev.fapiaoflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.Waiting;

/**
 * Public Flowable and Activiti models (src/test/resources/modeling/outside/flowable, see its README) are imported, the
 * import notes list every change, and the result deploys as a runnable process that completes its happy path.
 */
class OutsideFlowableModelsTest extends SpringTestBase {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;

    @Test
    void flowablesMailTaskExampleBecomesARunnableProcessWithItsMailTaskNamedUnsupported() throws IOException {
        JsonNode translation = upload("EmailServiceTaskTest.testSendEmailWithStaticHeader.bpmn20.xml");

        assertThat(notes(translation)).containsExactlyInAnyOrder(
                tuple("ADDED", "sequenceFlow_1", "id"),
                tuple("ADDED", "sequenceFlow_2", "id"),
                tuple("ADDED", "sendMailWithStaticHeaderExample", "isExecutable"),
                tuple("REPLACED", "sendMail", "flowable:type"),
                tuple("DROPPED", "sendMail", "field headers"),
                tuple("DROPPED", "sendMail", "field from"),
                tuple("DROPPED", "sendMail", "field to"),
                tuple("DROPPED", "sendMail", "field html"),
                tuple("ADDED", null, "bpmndi:BPMNDiagram"));
        String content = translation.get("content").asText();
        assertThat(content).contains("isExecutable=\"true\"", "[unsupported mail task] sendMail", "to = ${recipient}")
                .doesNotContain("flowable:");

        deploy(translation);
        ProcessInstance instance = runtime.startProcessInstanceByKey("sendMailWithStaticHeaderExample",
                Map.of("sender", "a@example.com", "recipient", "b@example.com"));
        awaitEnded(instance.getId());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId("theEnd").count())
                .isEqualTo(1);
    }

    @Test
    void activitisVacationRequestWithStandardPotentialOwnerRunsWithoutItsFormKeys() throws IOException {
        if (identity.createGroupQuery().groupId("management").count() == 0) {
            // the sample's potential owner; a group of this installation in real use
            var group = identity.newGroup("management");
            group.setName("Management");
            identity.saveGroup(group);
        }
        JsonNode translation = upload("VacationRequest_deprecated_forms.bpmn20.xml");

        assertThat(notes(translation)).containsExactlyInAnyOrder(
                tuple("ADDED", "vacationRequest", "isExecutable"),
                tuple("DROPPED", "request", "activiti:formKey"),
                tuple("DROPPED", "handleRequest", "activiti:formKey"),
                tuple("DROPPED", "adjustVacationRequestTask", "activiti:formKey"),
                tuple("ADDED", null, "bpmndi:BPMNDiagram"));

        deploy(translation);
        ProcessInstance instance = runtime.startProcessInstanceByKey("vacationRequest", Map.of("employeeName", "kermit"));
        Task handle = tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("management").singleResult();
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("handleRequest");
        tasks.complete(handle.getId(), Map.of("vacationApproved", "true"));
        awaitEnded(instance.getId());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId("theEnd1").count())
                .isEqualTo(1);
    }

    @Test
    void flowablesSpringBootVacationRequestAssignsTheInitiatorInsteadOfTheLiteralPlaceholder() throws IOException {
        JsonNode translation = upload("VacationRequest.bpmn20.xml");

        assertThat(notes(translation)).containsExactlyInAnyOrder(
                tuple("CHANGED", "handleRequest", "flowable:assignee"),
                tuple("CHANGED", "adjustVacationRequestTask", "flowable:assignee"),
                tuple("CHANGED", "handleRequest", "flowable:assignee"),
                tuple("CHANGED", "adjustVacationRequestTask", "flowable:assignee"),
                tuple("CHANGED", "request", "flowable:initiator"),
                tuple("DROPPED", "request", "flowable:formKey"),
                tuple("DROPPED", "handleRequest", "flowable:formKey"),
                tuple("DROPPED", "adjustVacationRequestTask", "flowable:formKey"),
                tuple("DROPPED", "handleRequest", "modeler:activiti-idm-initiator"),
                tuple("DROPPED", "adjustVacationRequestTask", "modeler:activiti-idm-initiator"));
        assertThat(translation.get("content").asText()).contains("camunda:assignee=\"${employeeName}\"",
                "camunda:initiator=\"employeeName\"").doesNotContain("$INITIATOR", "modeler:");

        deploy(translation);
        ProcessInstance instance;
        // whoever starts it; an engine administrator, so that no start authorization is needed here
        identity.setAuthentication("admin", List.of(Groups.CAMUNDA_ADMIN));
        try {
            instance = runtime.startProcessInstanceByKey("vacationRequest",
                    Map.of("numberOfDays", 3, "vacationMotivation", "family"));
        } finally {
            identity.clearAuthentication();
        }
        Task handle = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("handleRequest");
        assertThat(handle.getAssignee()).as("the initiator").isEqualTo("admin");
        tasks.complete(handle.getId(), Map.of("vacationApproved", "Approve"));
        awaitEnded(instance.getId());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId("theEnd1").count())
                .isEqualTo(1);
    }

    @Test
    void aScriptListenerBecomesACamundaScriptAndTheSandboxRefusesItAtDeploy() throws IOException {
        JsonNode translation = upload("ScriptTypeExecutionListenerTest.testExecutionListener.bpmn20.xml");

        assertThat(notes(translation)).containsExactlyInAnyOrder(
                tuple("ADDED", "scriptExecutionListenerProcess", "isExecutable"),
                tuple("CHANGED", "flow1", "activiti:executionListener"),
                tuple("DROPPED", "flow1", "resultVariable"),
                tuple("ADDED", null, "bpmndi:BPMNDiagram"));
        assertThat(translation.get("notes").toString()).contains("refuses scripts at deploy");
        assertThat(translation.get("content").asText()).contains("<camunda:script scriptFormat=\"groovy\">", "execution.setVariable");

        ResponseEntity<JsonNode> refused = deployment(translation);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("problems").toString()).contains("SCRIPT_REFUSED");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("scriptExecutionListenerProcess").count()).isZero();
    }

    private static List<org.assertj.core.groups.Tuple> notes(JsonNode translation) {
        List<org.assertj.core.groups.Tuple> notes = new ArrayList<>();
        for (JsonNode note : translation.get("notes")) {
            notes.add(tuple(note.get("action").asText(), note.get("elementId").isNull() ? null : note.get("elementId").asText(),
                    note.get("what").asText()));
        }
        return notes;
    }

    private void deploy(JsonNode translation) {
        ResponseEntity<JsonNode> deployed = deployment(translation);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(deployed.getBody().get("definitions")).as("a runnable process definition").hasSize(1);
    }

    private ResponseEntity<JsonNode> deployment(JsonNode translation) {
        return client("owner").post().uri("/api/models/deployments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("resourceName", translation.get("resourceName").asText(), "content", translation.get("content").asText(),
                        "comment", "imported from a public Flowable/Activiti example", "action", "IMPORT"))
                .retrieve().toEntity(JsonNode.class);
    }

    private JsonNode upload(String name) throws IOException {
        byte[] content;
        try (InputStream in = getClass().getResourceAsStream("/modeling/outside/flowable/" + name)) {
            content = in.readAllBytes();
        }
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return client("owner").post().uri("/api/models/flowable-import").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().body(JsonNode.class);
    }

    private void awaitEnded(String processInstanceId) {
        Waiting.until("process " + processInstanceId + " ended", Duration.ofSeconds(20),
                () -> history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished().count() == 1);
    }
}
