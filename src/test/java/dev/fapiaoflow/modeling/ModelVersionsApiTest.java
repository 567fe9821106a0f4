package dev.fapiaoflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.SpringTestBase;

/** New versions with author and comment, the decision cases' differences, diff, rollback, migration and the files download. */
class ModelVersionsApiTest extends SpringTestBase {

    @Autowired
    RepositoryService repository;
    @Autowired
    DecisionService decisions;
    @Autowired
    RuntimeService runtime;

    /** the shipped four-eyes table is the latest again, whatever a test deployed (other tests rely on it) */
    @AfterEach
    void restoreFourEyes() {
        String shipped = TestModels.file("dmn/four-eyes.dmn");
        var latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("four-eyes").latestVersion().singleResult();
        String deployed = new String(readAll(repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())),
                StandardCharsets.UTF_8);
        if (!deployed.equals(shipped)) {
            deploy("dmn/four-eyes.dmn", shipped, "restore after ModelVersionsApiTest");
        }
    }

    @Test
    void aChangedFourEyesThresholdShowsTheCasesThatChangeIsDeployedAndRolledBack() {
        String shipped = TestModels.file("dmn/four-eyes.dmn");
        String lowered = shipped.replace("&gt;= 100000", "&gt;= 50000");
        int before = latestFourEyes();

        JsonNode check = post("/api/models/checks", Map.of("resourceName", "dmn/four-eyes.dmn", "content", lowered)).getBody();
        assertThat(check.get("problems")).isEmpty();
        assertThat(check.get("differences")).extracting(d -> d.get("name").asText()).containsExactly("59,970.00 yuan", "99,999.99 yuan");
        assertThat(check.at("/differences/0/before/0/secondApprovalNeeded").asBoolean()).isFalse();
        assertThat(check.at("/differences/0/after/0/secondApprovalNeeded").asBoolean()).isTrue();

        ResponseEntity<JsonNode> deployed = deploy("dmn/four-eyes.dmn", lowered, "second approval from 50,000 yuan");
        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(deployed.getBody().get("version").asInt()).isEqualTo(before + 1);
        assertThat(secondApprovalNeeded(60_000_00L)).isTrue();
        JsonNode diff = client("owner").get().uri("/api/models/dmn/four-eyes/versions/{v}/diff", before + 1).retrieve().body(JsonNode.class);
        assertThat(diff.at("/changes/changed").toString()).contains("LargeAmountNeedsSecondApprovalTotal");

        ResponseEntity<JsonNode> rollback = client("owner").post().uri("/api/models/dmn/four-eyes/versions/{v}/rollback", before)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("comment", "back to 100,000")).retrieve().toEntity(JsonNode.class);
        assertThat(rollback.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(rollback.getBody().get("version").asInt()).isEqualTo(before + 2);
        assertThat(secondApprovalNeeded(60_000_00L)).isFalse();
        assertThat(secondApprovalNeeded(100_000_00L)).isTrue();

        JsonNode fourEyes = model("DMN", "four-eyes");
        JsonNode latest = fourEyes.get("versions").get(fourEyes.get("versions").size() - 1);
        assertThat(latest.get("origin").asText()).isEqualTo("MODELER");
        assertThat(latest.get("action").asText()).isEqualTo("ROLLBACK");
        assertThat(latest.get("author").asText()).isEqualTo("owner");
        assertThat(latest.get("comment").asText()).isEqualTo("back to 100,000");
    }

    @Test
    void aCommentIsRequired() {
        ResponseEntity<JsonNode> answer = post("/api/models/deployments", Map.of("resourceName", "dmn/modeling-versions-test.dmn",
                "content", TestModels.limitTable("modeling-versions-test", "1000")));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("comment");
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("modeling-versions-test").count()).isZero();
    }

    @Test
    void runningInstancesMigrateToTheNewVersion() {
        String key = "modeling-migration-test";
        String v1 = TestModels.process(key, "<userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\"/>");
        assertThat(deploy("bpmn/" + key + ".bpmn", v1, "first").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ProcessInstance instance = runtime.startProcessInstanceByKey(key);
        String v2 = v1.replace("<userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\"/>",
                "<userTask id=\"step\" name=\"Check again\" camunda:candidateGroups=\"finance-manager\"/>");
        JsonNode second = deploy("bpmn/" + key + ".bpmn", v2, "managers check").getBody();

        JsonNode library = model("BPMN", key);
        assertThat(library.at("/versions/0/runningInstances").asLong()).isEqualTo(1);

        JsonNode plan = client("owner").get().uri("/api/models/bpmn/{key}/migration?from=1", key).retrieve().body(JsonNode.class);
        assertThat(plan.get("problems")).isEmpty();
        assertThat(plan.get("instructions").toString()).contains("step");
        assertThat(plan.get("processInstanceIds").toString()).contains(instance.getId());

        JsonNode migrated = client("owner").post().uri("/api/models/bpmn/{key}/migration", key).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("fromVersion", 1, "processInstanceIds", List.of(instance.getId()))).retrieve().body(JsonNode.class);
        assertThat(migrated.get("migrated").asInt()).isEqualTo(1);
        String definition = runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getProcessDefinitionId();
        assertThat(repository.getProcessDefinition(definition).getVersion()).isEqualTo(second.get("version").asInt());

        JsonNode diff = client("owner").get().uri("/api/models/bpmn/{key}/versions/2/diff", key).retrieve().body(JsonNode.class);
        assertThat(diff.at("/changes/changed").toString()).isEqualTo("[\"step\"]");
        runtime.deleteProcessInstance(instance.getId(), "test over");
    }

    @Test
    void theDownloadHoldsTheCurrentVersionOfEveryModelAsRepositoryFiles() throws Exception {
        byte[] zip = client("owner").get().uri("/api/models/files.zip").retrieve().body(byte[].class);
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsKeys("bpmn/invoice-request.bpmn", "dmn/four-eyes.dmn", "forms/review-special-vat.form");
        assertThat(files.get("dmn/four-eyes.dmn")).isEqualTo(TestModels.file("dmn/four-eyes.dmn"));
    }

    private boolean secondApprovalNeeded(long totalAmountFen) {
        return (Boolean) decisions.evaluateDecisionTableByKey("four-eyes", Map.of("totalAmountFen", totalAmountFen))
                .getSingleResult().getEntry("secondApprovalNeeded");
    }

    private int latestFourEyes() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("four-eyes").latestVersion().singleResult().getVersion();
    }

    private JsonNode model(String kind, String key) {
        for (JsonNode model : client("owner").get().uri("/api/models").retrieve().body(JsonNode.class)) {
            if (model.get("kind").asText().equals(kind) && model.get("key").asText().equals(key)) {
                return model;
            }
        }
        throw new AssertionError("no " + kind + " " + key + " in the library");
    }

    private ResponseEntity<JsonNode> deploy(String resourceName, String content, String comment) {
        return post("/api/models/deployments", Map.of("resourceName", resourceName, "content", content, "comment", comment));
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return client("owner").post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
