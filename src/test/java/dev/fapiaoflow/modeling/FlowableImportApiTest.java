package dev.fapiaoflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
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

import dev.fapiaoflow.support.SpringTestBase;
import dev.fapiaoflow.support.Waiting;

/** A Flowable-modeled approval process is imported, deployed and runs to its end on Camunda. */
class FlowableImportApiTest extends SpringTestBase {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    @Test
    void aFlowableApprovalProcessImportsDeploysAndRunsToItsEnd() throws Exception {
        JsonNode translation = upload("invoice-approval.bpmn20.xml");
        assertThat(translation.get("resourceName").asText()).isEqualTo("bpmn/flowable-invoice-approval.bpmn");
        assertThat(translation.get("notes").toString()).contains("flowable:eventListener");

        ResponseEntity<JsonNode> deployed = client("owner").post().uri("/api/models/deployments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("resourceName", translation.get("resourceName").asText(), "content", translation.get("content").asText(),
                        "comment", "imported from Flowable", "action", "IMPORT"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(deployed.getBody().get("definitions").get(0).asText()).startsWith("flowable-invoice-approval:");

        ProcessInstance instance = runtime.startProcessInstanceByKey("flowable-invoice-approval", "import-test");
        assertThat(runtime.getVariable(instance.getId(), "startedBy")).isEqualTo("flowable-import");
        Task approve = tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("finance-manager").singleResult();
        assertThat(approve.getTaskDefinitionKey()).isEqualTo("approveTask");
        assertThat(approve.getDescription()).isEqualTo("imported from Flowable");
        tasks.complete(approve.getId(), Map.of("approved", true));

        awaitEnded(instance.getId());
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName("outcome")
                .singleResult().getValue()).isEqualTo("approved");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId("approveEnd").count())
                .isEqualTo(1);
    }

    @Test
    void theImportPageShowsTheReportAndOpensTheEditor() throws Exception {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", file("order-fulfilment.bpmn20.xml"));
        String page = mockMvcPage(form);
        assertThat(page).contains("id=\"import-report\"", "data-element=\"notify\"", "flowable:skipExpression",
                "id=\"model-editor\"", "bpmn/order-fulfilment.bpmn", "/modeler/modeler.js");
    }

    private String mockMvcPage(LinkedMultiValueMap<String, Object> form) throws Exception {
        var upload = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/models/import")
                .file(new org.springframework.mock.web.MockMultipartFile("file", "order-fulfilment.bpmn20.xml", "text/xml",
                        read("order-fulfilment.bpmn20.xml")))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("owner")
                        .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("process-owner")))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        return mockMvc.perform(upload).andReturn().getResponse().getContentAsString();
    }

    private JsonNode upload(String name) throws IOException {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", file(name));
        return client("owner").post().uri("/api/models/flowable-import").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().body(JsonNode.class);
    }

    private static ByteArrayResource file(String name) throws IOException {
        return new ByteArrayResource(read(name)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = FlowableImportApiTest.class.getResourceAsStream("/modeling/" + name)) {
            return in.readAllBytes();
        }
    }

    private void awaitEnded(String processInstanceId) {
        Waiting.until("process " + processInstanceId + " ended", Duration.ofSeconds(20),
                () -> history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished().count() == 1);
    }
}
