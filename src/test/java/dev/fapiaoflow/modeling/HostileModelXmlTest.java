package dev.fapiaoflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import dev.fapiaoflow.shared.upload.HostileFiles;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * Issue 16: a BPMN or DMN model whose XML declares a DTD, with an external entity (XXE, SSRF) or an entity bomb, is
 * refused at every door a model comes in by (the modeler's check and deploy, Camunda's /engine-rest deployment, the
 * Flowable import), nothing reaches the attacker's listener, and nothing is deployed.
 */
class HostileModelXmlTest extends SpringTestBase {

    private static final String BPMN_KEY = "hostile-xml-process";
    private static final String DMN_KEY = "hostile-xml-decision";

    @Autowired
    RepositoryService repository;

    private HostileFiles.Listener attacker;

    @BeforeEach
    void listen() {
        attacker = new HostileFiles.Listener();
    }

    @AfterEach
    void stop() {
        attacker.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "bpmn external entity", "bpmn billion laughs", "dmn external entity", "dmn billion laughs" })
    void theModelersCheckReportsItAndItsDeployIsRefusedWith422(String attack) {
        Hostile model = hostile(attack);

        JsonNode check = post("/api/models/checks", Map.of("resourceName", model.resourceName(), "content", model.xml()));
        ResponseEntity<JsonNode> deploy = client("owner").post().uri("/api/models/deployments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("resourceName", model.resourceName(), "content", model.xml(), "comment", "hostile"))
                .retrieve().toEntity(JsonNode.class);

        assertThat(attacker.hits()).as("requests that reached the attacker's listener").isZero();
        assertThat(check.get("problems").toString()).as(check.toString()).contains("DTD");
        assertThat(deploy.getStatusCode().value()).as(String.valueOf(deploy.getBody())).isEqualTo(422);
        assertNothingDeployed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "bpmn external entity", "bpmn billion laughs", "dmn external entity", "dmn billion laughs" })
    void camundasRestDeploymentRefusesItWith422LikeEveryModelOutsideTheSandbox(String attack) {
        Hostile model = hostile(attack);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "hostile");
        form.add("upload", new ByteArrayResource(model.xml().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return model.resourceName().substring(model.resourceName().indexOf('/') + 1);
            }
        });

        ResponseEntity<JsonNode> response = client("owner").post().uri("/engine-rest/deployment/create")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(JsonNode.class);

        assertThat(attacker.hits()).as("requests that reached the attacker's listener").isZero();
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(422);
        assertThat(response.getBody().get("type").asText()).isEqualTo("ModelNotDeployable");
        assertThat(response.getBody().get("message").asText()).contains("DTD", model.resourceName().substring(5));
        assertNothingDeployed();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "bpmn external entity", "bpmn billion laughs" })
    void theFlowableImportRefusesItWith400(String attack) {
        Hostile model = hostile(attack);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(model.xml().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "flowable.bpmn20.xml";
            }
        });

        ResponseEntity<JsonNode> response = client("owner").post().uri("/api/models/flowable-import")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().toEntity(JsonNode.class);

        assertThat(attacker.hits()).isZero();
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().toString()).containsIgnoringCase("DOCTYPE");
    }

    private record Hostile(String resourceName, String xml) {
    }

    private Hostile hostile(String attack) {
        boolean dmn = attack.startsWith("dmn");
        String model = dmn ? TestModels.limitTable(DMN_KEY, "1000") : TestModels.process(BPMN_KEY,
                "<userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\"><documentation>&xxe;</documentation></userTask>");
        String prolog = attack.endsWith("external entity")
                ? HostileFiles.externalEntityDoctype("definitions", attacker.url())
                : HostileFiles.billionLaughsDoctype("definitions").replace("]>", "<!ENTITY xxe \"&lol9;\">]>");
        String body = model.substring(model.indexOf("<definitions"));
        if (dmn) {
            body = body.replace("name=\"" + DMN_KEY + "\">", "name=\"" + DMN_KEY + "\"><description>&xxe;</description>");
        }
        return new Hostile((dmn ? "dmn/" + DMN_KEY + ".dmn" : "bpmn/" + BPMN_KEY + ".bpmn"), prolog + body);
    }

    private JsonNode post(String path, Object body) {
        return client("owner").post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class);
    }

    private void assertNothingDeployed() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(BPMN_KEY).count()).isZero();
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(DMN_KEY).count()).isZero();
    }
}
