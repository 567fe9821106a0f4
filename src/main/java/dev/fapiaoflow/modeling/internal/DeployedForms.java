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

/**
 * Camunda Forms as deployed: Camunda 7 has no public query for form definitions, so they are read from the deployments'
 * {@code .form} resources; the n-th deployment of a form id is its version n, as the engine counts them.
 */
@Component
class DeployedForms {

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

    private String formId(byte[] content) {
        try {
            JsonNode id = json.readTree(content).get("id");
            return id == null ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }
}
