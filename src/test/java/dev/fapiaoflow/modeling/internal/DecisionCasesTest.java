package dev.fapiaoflow.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The modeler's decision cases (the table tests' cases as data) cover every shipped table and match it, so a new table
 * without cases, or a table changed in its file without its cases, fails the build.
 */
class DecisionCasesTest {

    private final ObjectMapper json = new ObjectMapper();
    private final DecisionCases cases = new DecisionCases(json, new ModelSandbox(SandboxProperties.defaults(), null));

    @Test
    void everyShippedDecisionHasCasesAndTheyAllMatchTheShippedTable() throws IOException {
        assertThat(DecisionCaseFiles.check(Path.of("dmn"), Path.of("src/main/resources/" + DecisionCases.CASES_FOLDER))).isPositive();
    }

    @Test
    void casesGeneratedFromEveryShippedTableAreMarkedAndMatchIt() throws IOException {
        List<Path> tables;
        try (Stream<Path> files = Files.list(Path.of("dmn"))) {
            tables = files.filter(file -> file.toString().endsWith(".dmn")).sorted().toList();
        }
        for (Path table : tables) {
            byte[] content = Files.readAllBytes(table);
            for (String key : DecisionCaseFiles.decisionKeys(table)) {
                byte[] generated = cases.generate(key, content);
                assertThat(generated).as("%s: no case could be evaluated", key).isNotNull();
                var file = json.readTree(generated);
                assertThat(file.get("decision").asText()).isEqualTo(key);
                assertThat(file.get("generated").asBoolean()).isTrue();
                assertThat(file.get("cases")).as(key).isNotEmpty();
                assertThat(cases.differences(key, file.get("cases"), content, null)).as(key).isEmpty();
            }
        }
    }

    @Test
    void aGeneratedCaseMeetsTheRulesSimpleInputEntries() {
        assertThat(DecisionCases.valueMeeting("\"SPECIAL\"", "string")).isEqualTo("SPECIAL");
        assertThat(DecisionCases.valueMeeting(">= 100000", "double")).isEqualTo(100000.0);
        assertThat(DecisionCases.valueMeeting("> 10", "long")).isEqualTo(11L);
        assertThat(DecisionCases.valueMeeting("42", "integer")).isEqualTo(42L);
        assertThat(DecisionCases.valueMeeting("< 10", "integer")).isEqualTo(9L);
        assertThat(DecisionCases.valueMeeting("]1..5]", "integer")).isEqualTo(2L);
        assertThat(DecisionCases.valueMeeting("true", "boolean")).isEqualTo(true);
        assertThat(DecisionCases.valueMeeting("not(\"A\")", "string")).isEqualTo("other");
        assertThat(DecisionCases.valueMeeting("-", "string")).isEqualTo("");
    }

    @Test
    void aTableThatReachesForJavaIsNotEvaluatedOnTheCasesEngine() throws IOException {
        byte[] shipped = Files.readAllBytes(Path.of("dmn/four-eyes.dmn"));
        byte[] escape = new String(shipped, StandardCharsets.UTF_8)
                .replace("<inputExpression id=\"InputTotalYuanExpression\" typeRef=\"double\">",
                        "<inputExpression id=\"InputTotalYuanExpression\" typeRef=\"double\" expressionLanguage=\"juel\">")
                .replace("totalAmountFen / 100", "${''.getClass().forName('java.lang.System').getProperty('java.home').length()}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> cases.differences("four-eyes", escape, shipped)).isInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("refused by the model sandbox");
    }

    @Test
    void aChangedOutputOfACollectTableIsADifference() throws IOException {
        byte[] shipped = Files.readAllBytes(Path.of("dmn/review-risk-hints.dmn"));
        byte[] changed = new String(shipped, StandardCharsets.UTF_8).replace("&gt;= 50000", "&gt;= 60000")
                .getBytes(StandardCharsets.UTF_8);

        List<DecisionCases.Difference> differences = cases.differences("review-risk-hints", changed, shipped);

        assertThat(differences).extracting(DecisionCases.Difference::name).containsExactly("50,000.00 yuan");
        assertThat(differences.get(0).expected()).isEqualTo(differences.get(0).before());
        assertThat(differences.get(0).after()).isEmpty();
    }

    @Test
    void aMissingOutputEntryOfATableWithSeveralOutputsIsADifference() throws IOException {
        byte[] shipped = Files.readAllBytes(Path.of("dmn/tax-classification.dmn"));
        byte[] changed = new String(shipped, StandardCharsets.UTF_8).replace("\"培训费\"", "")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(cases.differences("tax-classification", changed, shipped)).extracting(DecisionCases.Difference::name)
                .containsExactly("TRAINING sold by a GENERAL taxpayer", "TRAINING sold by a SMALL_SCALE taxpayer");
    }
}
