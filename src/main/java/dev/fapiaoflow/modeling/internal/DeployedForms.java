package dev.fapiaoflow.modeling.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.modeling.ModelProblem;
import dev.fapiaoflow.shared.Texts;

/**
 * Camunda Forms as deployed: Camunda 7 has no public query for form definitions, so they are read from the deployments'
 * {@code .form} resources; the n-th deployment of a form id is its version n, as the engine counts them.
 */
@Component
class DeployedForms {

    /**
     * The newest form schema Camunda 7.24's Tasklist renders: its webapps bundle {@code @bpmn-io/form-js} 1.8.7
     * (camunda-bpm-platform {@code webapps/frontend/package.json}; {@code schemaVersion=16} in camunda-webapp-webjar
     * 7.24.0's {@code lib/deps.js}). A newer schema may use what that version does not know, and the task would show a
     * broken form only when someone opens it.
     */
    static final int TASKLIST_SCHEMA_VERSION = 16;

    record FormVersion(String formId, int version, String deploymentId, String resourceName, Instant deployedAt) {
    }

    private final RepositoryService repository;
    private final ObjectMapper json;

    DeployedForms(RepositoryService repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    List<FormVersion> all() {
        List<FormVersion> versions = new ArrayList<>();
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().asc().list()) {
            for (String resource : repository.getDeploymentResourceNames(deployment.getId())) {
                if (!resource.endsWith(".form")) {
                    continue;
                }
                String id = formId(ModelChecks.readAll(repository.getResourceAsStream(deployment.getId(), resource)));
                if (id != null) {
                    int version = counts.merge(id, 1, Integer::sum);
                    versions.add(new FormVersion(id, version, deployment.getId(), resource, deployment.getDeploymentTime().toInstant()));
                }
            }
        }
        return versions;
    }

    Set<String> formIds() {
        return all().stream().map(FormVersion::formId).collect(Collectors.toSet());
    }

    /** what keeps a form file from being deployed: no id (Camunda would file it as "version 0"), a schema Tasklist cannot render */
    static List<ModelProblem> problems(byte[] content) {
        JsonNode form;
        try {
            form = new ObjectMapper().readTree(content);
        } catch (IOException e) {
            // Jackson's own message is English only: the place of the error is what the modeler needs
            com.fasterxml.jackson.core.JsonLocation at = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                    ? json.getLocation() : null;
            return List.of(new ModelProblem(null, "PARSE", at == null ? Texts.of("modeling.check.formNotJson")
                    : Texts.of("modeling.check.formNotJsonAt", at.getLineNr(), at.getColumnNr())));
        }
        if (form == null || !form.isObject()) {
            return List.of(new ModelProblem(null, "PARSE", Texts.of("modeling.check.formNotObject")));
        }
        List<ModelProblem> problems = new ArrayList<>();
        JsonNode id = form.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            problems.add(new ModelProblem(null, "FORM_WITHOUT_ID", Texts.of("modeling.check.formWithoutId")));
        }
        JsonNode schemaVersion = form.get("schemaVersion");
        if (schemaVersion != null && (!schemaVersion.canConvertToInt() || schemaVersion.asInt() > TASKLIST_SCHEMA_VERSION)) {
            problems.add(new ModelProblem(id == null ? null : id.asText(null), "FORM_SCHEMA_TOO_NEW",
                    Texts.of("modeling.check.formSchemaTooNew", schemaVersion.asText(), TASKLIST_SCHEMA_VERSION)));
        }
        return problems;
    }

    private String formId(byte[] content) {
        try {
            JsonNode id = json.readTree(content).get("id");
            return id == null ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }
}
