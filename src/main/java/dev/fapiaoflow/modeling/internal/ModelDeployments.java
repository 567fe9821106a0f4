package dev.fapiaoflow.modeling.internal;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.modeling.ModelDeployed;
import dev.fapiaoflow.modeling.ModelKind;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/**
 * Process owners' deployments: a checked model becomes a new version with author and comment; a rollback deploys an
 * earlier version's resource again (checked like any change: what it refers to may be gone). Each one is published as
 * {@link ModelDeployed} for the audit.
 */
@Service
class ModelDeployments {

    static final String DEPLOYMENT_NAME = "fapiaoflow-modeler";
    static final String SOURCE = "fapiaoflow-modeler";

    private static final Logger log = LoggerFactory.getLogger(ModelDeployments.class);
    private static final Pattern RESOURCE_NAME = Pattern.compile("(bpmn/[A-Za-z0-9._-]+\\.bpmn|dmn/[A-Za-z0-9._-]+\\.dmn|forms/[A-Za-z0-9._-]+\\.form)");

    public record Deployed(String deploymentId, String resourceName, ModelKind kind, List<String> definitions, int version,
            List<DecisionCases.Difference> differences) {
    }

    private final RepositoryService repository;
    private final ModelChecks checks;
    private final ModelLibrary library;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModelDeployments(RepositoryService repository, ModelChecks checks, ModelLibrary library, JdbcTemplate jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.checks = checks;
        this.library = library;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    ModelChecks.Outcome check(String resourceName, byte[] content) {
        validName(resourceName);
        return checks.check(resourceName, content);
    }

    @Transactional
    Deployed deploy(String resourceName, byte[] content, String comment, String author, String action) {
        validName(resourceName);
        if (comment == null || comment.isBlank() || comment.length() > 1000) {
            throw new InvalidInputException("comment", Texts.of("modeling.comment.required"));
        }
        ModelChecks.Outcome outcome = checks.check(resourceName, content);
        if (!outcome.deployable()) {
            throw new ModelRefused(outcome);
        }
        DeploymentWithDefinitions deployment;
        try {
            deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source(SOURCE)
                    .addInputStream(resourceName, new ByteArrayInputStream(content)).deployWithResult();
        } catch (ModelNotDeployable e) {
            // the checks ran the same sandbox; should the two ever differ, the deployment is refused all the same
            throw new ModelRefused(new ModelChecks.Outcome(e.problems(), List.of()));
        }
        ModelKind kind = ModelKind.ofResource(resourceName).orElseThrow();
        List<String> definitions = definitionsOf(deployment, kind);
        Instant now = clock.instant();
        jdbc.update("INSERT INTO model_deployment (deployment_id, resource_name, action, author, comment, deployed_at) VALUES (?, ?, ?, ?, ?, ?)",
                deployment.getId(), resourceName, action, author, comment.trim(), Timestamp.from(now));
        ModelDeployed event = new ModelDeployed(deployment.getId(), resourceName, kind, action, definitions, author, comment.trim(), now);
        events.publishEvent(event);
        log.info("model deployed: {} {} by {} ({}) -> {}", action, resourceName, author, deployment.getId(), definitions);
        int version = definitions.isEmpty() ? 0 : Integer.parseInt(definitions.get(0).substring(definitions.get(0).lastIndexOf(':') + 1));
        return new Deployed(deployment.getId(), resourceName, kind, definitions, version, outcome.differences());
    }

    /** deploys the resource of an earlier version again, as the newest version */
    @Transactional
    Deployed rollback(ModelKind kind, String key, int version, String comment, String author) {
        ModelLibrary.Version target = library.version(kind, key, version)
                .orElseThrow(() -> new NotFoundException(kind + " " + key + " version", version));
        byte[] content = ModelChecks.readAll(repository.getResourceAsStream(target.deploymentId(), target.resourceName()));
        String resourceName = kind.repositoryPath(target.resourceName());
        String why = comment == null || comment.isBlank() ? "rollback to version " + version : comment;
        return deploy(resourceName, content, why, author, "ROLLBACK");
    }

    private List<String> definitionsOf(DeploymentWithDefinitions deployment, ModelKind kind) {
        List<String> definitions = new ArrayList<>();
        Optional.ofNullable(deployment.getDeployedProcessDefinitions()).ifPresent(list -> list
                .forEach(d -> definitions.add(d.getKey() + ":" + d.getVersion())));
        Optional.ofNullable(deployment.getDeployedDecisionDefinitions()).ifPresent(list -> list
                .forEach(d -> definitions.add(d.getKey() + ":" + d.getVersion())));
        if (kind == ModelKind.FORM) {
            library.formsOf(deployment.getId()).forEach(f -> definitions.add(f.formId() + ":" + f.version()));
        }
        return definitions;
    }

    private static void validName(String resourceName) {
        if (resourceName == null || !RESOURCE_NAME.matcher(resourceName).matches()) {
            throw new InvalidInputException(List.of(new FieldError("resourceName",
                    Texts.of("modeling.resourceName.invalid"))));
        }
    }

    static boolean fromFiles(Deployment deployment) {
        return ModelFiles.DEPLOYMENT_NAME.equals(deployment.getName());
    }
}
