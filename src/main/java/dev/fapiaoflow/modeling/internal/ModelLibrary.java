package dev.fapiaoflow.modeling.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.modeling.ModelKind;
import dev.fapiaoflow.shared.NotFoundException;

/** Every deployed process, decision and form with its versions: when, from where, by whom, why, and what runs on it. */
@Component
class ModelLibrary {

    /**
     * @param origin {@code FILE} (deployed from the repository's files at start-up), {@code MODELER} (in the browser) or
     *               {@code OTHER} (e.g. Camunda Modeler over REST)
     */
    public record Version(ModelKind kind, String key, String name, int version, String definitionId, String deploymentId,
            String resourceName, Instant deployedAt, String origin, String author, String comment, String action,
            long runningInstances, long incidents) {
    }

    /**
     * @param untested a decision without test cases in the build ({@code modeling/decision-cases/<key>.json}): one
     *                 deployed in the browser has none until the download of {@code files.zip} is committed
     */
    public record Model(ModelKind kind, String key, String name, List<Version> versions, boolean untested) {
        public Version latest() {
            return versions.get(versions.size() - 1);
        }
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final DeployedForms forms;
    private final JdbcTemplate jdbc;

    ModelLibrary(RepositoryService repository, RuntimeService runtime, DeployedForms forms, JdbcTemplate jdbc) {
        this.repository = repository;
        this.runtime = runtime;
        this.forms = forms;
        this.jdbc = jdbc;
    }

    List<Model> all() {
        Map<String, Deployment> deployments = repository.createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(Deployment::getId, Function.identity()));
        Map<String, Map<String, Object>> records = records();
        List<Version> versions = new ArrayList<>();
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().list()) {
            versions.add(version(ModelKind.BPMN, d.getKey(), d.getName(), d.getVersion(), d.getId(), d.getDeploymentId(),
                    d.getResourceName(), deployments, records,
                    runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count(),
                    runtime.createIncidentQuery().processDefinitionId(d.getId()).count()));
        }
        for (DecisionDefinition d : repository.createDecisionDefinitionQuery().list()) {
            versions.add(version(ModelKind.DMN, d.getKey(), d.getName(), d.getVersion(), d.getId(), d.getDeploymentId(),
                    d.getResourceName(), deployments, records, 0, 0));
        }
        for (DeployedForms.FormVersion f : forms.all()) {
            versions.add(version(ModelKind.FORM, f.formId(), f.formId(), f.version(), null, f.deploymentId(), f.resourceName(),
                    deployments, records, 0, 0));
        }
        Map<String, List<Version>> byModel = versions.stream().sorted(Comparator.comparing(Version::kind)
                .thenComparing(Version::key).thenComparingInt(Version::version))
                .collect(Collectors.groupingBy(v -> v.kind() + ":" + v.key(), LinkedHashMap::new, Collectors.toList()));
        return byModel.values().stream().map(list -> new Model(list.get(0).kind(), list.get(0).key(),
                list.get(list.size() - 1).name(), list, list.get(0).kind() == ModelKind.DMN && !DecisionCases.tested(list.get(0).key())))
                .toList();
    }

    Model model(ModelKind kind, String key) {
        return all().stream().filter(m -> m.kind() == kind && m.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException(kind + " model", key));
    }

    Optional<Version> version(ModelKind kind, String key, int version) {
        return model(kind, key).versions().stream().filter(v -> v.version() == version).findFirst();
    }

    /** the version, or the latest for 0 */
    Version versionOrLatest(ModelKind kind, String key, int version) {
        Model model = model(kind, key);
        return version == 0 ? model.latest() : model.versions().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new NotFoundException(kind + " " + key + " version", version));
    }

    byte[] content(Version version) {
        return ModelChecks.readAll(repository.getResourceAsStream(version.deploymentId(), version.resourceName()));
    }

    List<DeployedForms.FormVersion> formsOf(String deploymentId) {
        return forms.all().stream().filter(f -> f.deploymentId().equals(deploymentId)).toList();
    }

    private Map<String, Map<String, Object>> records() {
        Map<String, Map<String, Object>> records = new java.util.HashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT deployment_id, action, author, comment FROM model_deployment")) {
            records.put(String.valueOf(row.get("deployment_id")), row);
        }
        return records;
    }

    private static Version version(ModelKind kind, String key, String name, int version, String definitionId, String deploymentId,
            String resourceName, Map<String, Deployment> deployments, Map<String, Map<String, Object>> records, long running,
            long incidents) {
        Deployment deployment = deployments.get(deploymentId);
        Map<String, Object> record = records.get(deploymentId);
        String origin = record != null ? "MODELER" : deployment != null && ModelDeployments.fromFiles(deployment) ? "FILE" : "OTHER";
        return new Version(kind, key, name == null ? key : name, version, definitionId, deploymentId, resourceName,
                deployment == null ? null : deployment.getDeploymentTime().toInstant(), origin,
                record == null ? null : (String) record.get("author"), record == null ? null : (String) record.get("comment"),
                record == null ? null : (String) record.get("action"), running, incidents);
    }
}
