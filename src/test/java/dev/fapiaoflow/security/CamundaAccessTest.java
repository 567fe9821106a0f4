package dev.fapiaoflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.support.SpringTestBase;

/** Camunda's REST API and webapps know the same users and groups as the portal, and check them. */
class CamundaAccessTest extends SpringTestBase {

    private static final String TINY_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://fapiaoflow.dev/test">
              <bpmn:process id="modeler-upload-check" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="start"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Test
    void engineRestRequiresALogin() {
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        assertThat(anonymous.get().uri("/engine-rest/process-definition").retrieve().toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void processOwnerDeploysAModelOverEngineRestLikeCamundaModeler() {
        ResponseEntity<JsonNode> deployed = deployAs("owner");
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deployed.getBody().get("deployedProcessDefinitions").toString()).contains("modeler-upload-check");
    }

    @Test
    void customerMayNotDeploy() {
        assertThat(deployAs("alice").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void financeReviewerSeesTheDeployedProcessesButCannotDeploy() {
        JsonNode definitions = client("reviewer").get().uri("/engine-rest/process-definition?key=invoice-request")
                .retrieve().body(JsonNode.class);
        assertThat(definitions).isNotEmpty();
        assertThat(deployAs("reviewer").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void eachStaffGroupReadsTheDefinitionsOfItsOwnProcesses() {
        assertThat(definitionKeys("service")).contains("invoice-dispute").doesNotContain("special-vat-approval", "invoice-request");
        assertThat(definitionKeys("reviewer")).contains("special-vat-approval", "invoice-dispute").doesNotContain("periodic-invoicing");
        assertThat(definitionKeys("owner")).contains("periodic-invoicing", "special-vat-approval", "invoice-dispute");
    }

    private java.util.Set<String> definitionKeys(String user) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        client(user).get().uri("/engine-rest/process-definition?latestVersion=true").retrieve().body(JsonNode.class)
                .forEach(definition -> keys.add(definition.get("key").asText()));
        return keys;
    }

    @Test
    void camundaWebappApiRequiresALogin() {
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        ResponseEntity<String> answer = anonymous.get().uri("/camunda/api/engine/engine/default/process-definition")
                .retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<JsonNode> deployAs(String user) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "modeler-upload");
        form.add("deployment-source", "Camunda Modeler");
        form.add("deploy-changed-only", "true");
        form.add("upload.bpmn", new ByteArrayResource(TINY_PROCESS.getBytes()) {
            @Override
            public String getFilename() {
                return "upload.bpmn";
            }
        });
        return client(user).post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(JsonNode.class);
    }
}
