package dev.fapiaoflow.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The build's check of the decision tables against their case files: every decision of every table has a case file
 * with cases, and the table answers each case as expected. On any copy of the model folders, so that a download of
 * {@code files.zip} unpacked over the repository can be checked the way the build will.
 */
final class DecisionCaseFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionCaseFiles() {
    }

    /** @return the number of decisions checked */
    static int check(Path dmnFolder, Path casesFolder) throws IOException {
        DecisionCases cases = new DecisionCases(JSON, new ModelSandbox(SandboxProperties.defaults(), null));
        List<Path> tables;
        try (Stream<Path> files = Files.list(dmnFolder)) {
            tables = files.filter(file -> file.toString().endsWith(".dmn")).sorted().toList();
        }
        assertThat(tables).isNotEmpty();
        int decisions = 0;
        for (Path table : tables) {
            byte[] content = Files.readAllBytes(table);
            for (String key : decisionKeys(table)) {
                decisions++;
                Path file = casesFolder.resolve(key + ".json");
                assertThat(file).as("%s: no modeling/decision-cases/%s.json", table, key).exists();
                JsonNode read = JSON.readTree(file.toFile());
                assertThat(read.get("decision").asText()).as(file.toString()).isEqualTo(key);
                assertThat(read.get("cases")).as("%s has no cases", file).isNotEmpty();
                assertThat(cases.differences(key, read.get("cases"), content, null)).as("%s against %s", key, table).isEmpty();
            }
        }
        assertThat(decisions).isGreaterThanOrEqualTo(tables.size());
        return decisions;
    }

    static List<String> decisionKeys(Path table) throws IOException {
        try (InputStream in = Files.newInputStream(table)) {
            return DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine().parseDecisions(in).stream()
                    .map(DmnDecision::getKey).toList();
        }
    }
}
