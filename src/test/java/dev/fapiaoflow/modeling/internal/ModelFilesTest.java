package dev.fapiaoflow.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.fapiaoflow.modeling.ModelDeployed;
import dev.fapiaoflow.modeling.TestModels;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * Files and browser stay in step: at start-up a model file is deployed only when it changed since it was last deployed
 * from file, so a newer version deployed in the browser survives a restart with the old file, and a changed file wins.
 */
@RecordApplicationEvents
class ModelFilesTest extends SpringTestBase {

    private static final String KEY = "modeling-file-rule";
    private static final String FILE = "dmn/" + KEY + ".dmn";

    @Autowired
    RepositoryService repository;
    @Autowired
    DecisionService decisions;
    @Autowired
    ModelDeployments deployments;
    @Autowired
    ModelFiles files;
    @Autowired
    ApplicationEvents events;

    @Test
    void theShippedFilesAreDeployedUnderTheFilesNameAndAnUnchangedStartDeploysNothing() {
        assertThat(files.packagedFiles()).containsKeys("bpmn/invoice-request.bpmn", "dmn/four-eyes.dmn", "forms/review-special-vat.form");
        var latestFileDeployment = repository.createDeploymentQuery().deploymentName(ModelFiles.DEPLOYMENT_NAME).orderByDeploymentTime()
                .desc().list().get(0);
        assertThat(repository.getDeploymentResourceNames(latestFileDeployment.getId())).contains("dmn/four-eyes.dmn");

        assertThat(ModelFiles.deployChanged(repository, files.packagedFiles())).as("second start, nothing changed").isNull();
    }

    @Test
    void aBrowserDeploymentSurvivesTheUnchangedFileAndAChangedFileWins() {
        Map<String, byte[]> original = Map.of(FILE, bytes(TestModels.limitTable(KEY, "1000")));
        assertThat(ModelFiles.deployChanged(repository, original)).as("first start").isNotNull();
        assertThat(limit()).isEqualTo(1000.0);
        assertThat(ModelFiles.deployChanged(repository, original)).as("restart, file unchanged").isNull();

        deployments.deploy(FILE, bytes(TestModels.limitTable(KEY, "2000")), "raise the limit", "owner", "DEPLOY");
        assertThat(limit()).isEqualTo(2000.0);
        assertThat(events.stream(ModelDeployed.class)).singleElement().satisfies(event -> {
            assertThat(event.resourceName()).isEqualTo(FILE);
            assertThat(event.action()).isEqualTo("DEPLOY");
            assertThat(event.author()).isEqualTo("owner");
            assertThat(event.comment()).isEqualTo("raise the limit");
            assertThat(event.definitions()).containsExactly(KEY + ":2");
        });

        assertThat(ModelFiles.deployChanged(repository, original)).as("restart with the old file").isNull();
        assertThat(limit()).as("the browser's version stays").isEqualTo(2000.0);
        assertThat(latestVersion()).isEqualTo(2);

        Map<String, byte[]> changed = Map.of(FILE, bytes(TestModels.limitTable(KEY, "3000")));
        assertThat(ModelFiles.deployChanged(repository, changed)).as("restart with a changed file").isNotNull();
        assertThat(limit()).as("the changed file wins").isEqualTo(3000.0);
        assertThat(latestVersion()).isEqualTo(3);
    }

    private double limit() {
        return ((Number) decisions.evaluateDecisionTableByKey(KEY, Map.of("invoiceType", "NORMAL")).getSingleResult().getEntry("limit"))
                .doubleValue();
    }

    private int latestVersion() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(KEY).latestVersion().singleResult().getVersion();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
