package dev.fapiaoflow.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.SpringTestBase;

/**
 * A decision deployed in the browser has no test cases: the library says so, and the {@code files.zip} download carries a
 * case file generated from its rules, so that committing the download keeps the build's decision check green.
 */
class DecisionDownloadTest extends SpringTestBase {

    @TempDir
    Path repository;

    @Test
    void aNewDecisionIsUntestedAndTheDownloadCarriesCasesThatPassTheBuildsCheck() throws Exception {
        ResponseEntity<JsonNode> deployed = client("owner").post().uri("/api/models/deployments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("resourceName", "dmn/handling-fee.dmn", "content", HANDLING_FEE, "comment", "a new fee table"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);

        JsonNode library = client("owner").get().uri("/api/models").retrieve().body(JsonNode.class);
        assertThat(untested(library, "handling-fee")).isTrue();
        assertThat(untested(library, "four-eyes")).as("a shipped table has its cases").isFalse();
        String page = mockMvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/models")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("owner")
                        .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("process-owner"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.substring(page.indexOf("data-model=\"DMN:handling-fee\""))).contains("class=\"untested\"");
        assertThat(page.substring(page.indexOf("data-model=\"DMN:four-eyes\""), page.indexOf("data-model=\"DMN:four-eyes\"") + 300))
                .doesNotContain("untested");

        byte[] zip = client("owner").get().uri("/api/models/files.zip").retrieve().body(byte[].class);
        copy(Path.of("dmn"), repository.resolve("dmn"));
        Path cases = repository.resolve("src/main/resources/" + DecisionCases.CASES_FOLDER);
        copy(Path.of("src/main/resources/" + DecisionCases.CASES_FOLDER), cases);
        unpack(zip, repository);

        JsonNode generated = new ObjectMapper().readTree(cases.resolve("handling-fee.json").toFile());
        assertThat(generated.get("generated").asBoolean()).isTrue();
        assertThat(generated.get("about").asText()).startsWith("GENERATED");
        assertThat(generated.get("cases")).hasSize(4);
        assertThat(generated.toString()).contains("\"customerType\":\"COMPANY\"", "\"amountFen\":1000000", "\"fee\":0");
        assertThat(Files.readString(cases.resolve("four-eyes.json"))).as("a case file written by hand stays").doesNotContain("generated");

        DecisionCaseFiles.check(repository.resolve("dmn"), cases);
    }

    private static boolean untested(JsonNode library, String key) {
        for (JsonNode model : library) {
            if ("DMN".equals(model.get("kind").asText()) && key.equals(model.get("key").asText())) {
                return model.get("untested").asBoolean();
            }
        }
        throw new AssertionError("no decision " + key + " in the library");
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    private static void unpack(byte[] zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
    }

    private static final String HANDLING_FEE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="HandlingFeeDefinitions" name="Handling fee" namespace="http://camunda.org/schema/1.0/dmn">
              <decision id="handling-fee" name="Handling fee" camunda:historyTimeToLive="P180D">
                <decisionTable id="HandlingFeeTable" hitPolicy="FIRST">
                  <input id="InputCustomerType" label="Customer type">
                    <inputExpression id="InputCustomerTypeExpression" typeRef="string"><text>customerType</text></inputExpression>
                  </input>
                  <input id="InputAmount" label="Amount (fen)">
                    <inputExpression id="InputAmountExpression" typeRef="long"><text>amountFen</text></inputExpression>
                  </input>
                  <output id="OutputFee" name="fee" typeRef="long" />
                  <rule id="CompaniesPayNothingFromTenThousand">
                    <inputEntry id="E1"><text>"COMPANY"</text></inputEntry>
                    <inputEntry id="E2"><text>&gt;= 1000000</text></inputEntry>
                    <outputEntry id="O1"><text>0</text></outputEntry>
                  </rule>
                  <rule id="SmallAmountsPayFive">
                    <inputEntry id="E3"><text>-</text></inputEntry>
                    <inputEntry id="E4"><text>[1..10000]</text></inputEntry>
                    <outputEntry id="O2"><text>500</text></outputEntry>
                  </rule>
                  <rule id="PeopleNotCompanies">
                    <inputEntry id="E5"><text>not("COMPANY")</text></inputEntry>
                    <inputEntry id="E6"><text>&gt; 10000</text></inputEntry>
                    <outputEntry id="O3"><text>200</text></outputEntry>
                  </rule>
                  <rule id="Otherwise">
                    <inputEntry id="E7"><text>-</text></inputEntry>
                    <inputEntry id="E8"><text>-</text></inputEntry>
                    <outputEntry id="O4"><text>100</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;
}
