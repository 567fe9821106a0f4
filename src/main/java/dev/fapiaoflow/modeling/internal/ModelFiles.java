package dev.fapiaoflow.modeling.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.modeling.ModelKind;

/**
 * Deploys the model files of {@code bpmn/}, {@code dmn/} and {@code forms/} at start-up (instead of the Camunda starter's
 * auto-deployment), so that what process owners deployed in the browser is not overwritten by an older file.
 *
 * <p>File deployments carry their own deployment name, and Camunda's duplicate filter compares each file only with the
 * content it had at its last deployment <em>from file</em> (the engine keeps those bytes). A file that has not changed
 * since is left alone even when the browser deployed newer versions meanwhile; a changed file wins and becomes the
 * newest version. Runs while the engine is being built, before anything starts a process.
 */
@Component
class ModelFiles extends AbstractProcessEnginePlugin {

    static final String DEPLOYMENT_NAME = "fapiaoflow-files";

    private static final Logger log = LoggerFactory.getLogger(ModelFiles.class);

    private final ResourcePatternResolver resources;

    ModelFiles(ResourcePatternResolver resources) {
        this.resources = resources;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        Deployment deployment = deployChanged(processEngine.getRepositoryService(), packagedFiles());
        if (deployment != null) {
            log.info("model files deployed (changed since their last deployment from file): {}",
                    processEngine.getRepositoryService().getDeploymentResourceNames(deployment.getId()));
        }
    }

    /** Deploys those of the files (path → content) that differ from their last deployment from file; null if none does. */
    static Deployment deployChanged(RepositoryService repository, Map<String, byte[]> files) {
        if (files.isEmpty()) {
            return null;
        }
        DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).enableDuplicateFiltering(true);
        files.forEach((name, content) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(content)));
        long before = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
        Deployment deployment = builder.deploy();
        // with every file unchanged Camunda creates no deployment
        return repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count() > before ? deployment : null;
    }

    /** the model files packaged onto the classpath, by their path in the repository (e.g. {@code dmn/four-eyes.dmn}) */
    Map<String, byte[]> packagedFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (ModelKind kind : ModelKind.values()) {
                for (Resource resource : resources.getResources("classpath*:" + kind.folder() + "*" + kind.suffix())) {
                    files.putIfAbsent(kind.folder() + resource.getFilename(), resource.getContentAsByteArray());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model files", e);
        }
        return files;
    }
}
