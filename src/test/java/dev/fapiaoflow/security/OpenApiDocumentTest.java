package dev.fapiaoflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fapiaoflow.support.SpringTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI document at /v3/api-docs, as an integrator downloads it without logging in. */
class OpenApiDocumentTest extends SpringTestBase {

    /** operations that exist only when the application issues through the e-invoice platform */
    static final Set<String> PLATFORM_MODE_ONLY = Set.of("POST /api/platform/callback");

    private JsonNode document;

    @BeforeEach
    void download() throws Exception {
        String json = mockMvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void declaresBasicApiKeyAndBearerSchemes() {
        JsonNode schemes = document.at("/components/securitySchemes");
        assertThat(schemes.at("/basic/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/basic/scheme").asText()).isEqualTo("basic");
        assertThat(schemes.at("/apiKey/type").asText()).isEqualTo("apiKey");
        assertThat(schemes.at("/apiKey/in").asText()).isEqualTo("header");
        assertThat(schemes.at("/apiKey/name").asText()).isEqualTo("X-Api-Key");
        assertThat(schemes.at("/bearer/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.at("/bearer/description").asText()).contains("identity-provider tokens");
        assertThat(document.at("/security").toString()).contains("\"basic\"").contains("\"bearer\"");
    }

    @Test
    void anonymousVerificationAcceptsNoLoginOrAnyOfTheThreeSchemes() {
        List<String> requirements = requirementsOf("/api/verifications", "post");
        assertThat(requirements).containsExactlyInAnyOrder("{}", "{\"basic\":[]}", "{\"bearer\":[]}", "{\"apiKey\":[]}");
    }

    @Test
    void apiKeysCountOnTheVerificationApiOnly() {
        assertThat(requirementsOf("/api/verifications/history", "get")).contains("{\"apiKey\":[]}").doesNotContain("{}");
        assertThat(requirementsOf("/api/invoices", "get")).isEmpty(); // the document's default: basic or bearer
        assertThat(requirementsOf("/api/api-keys", "post")).isEmpty();
    }

    @Test
    void thePublicKeyNeedsNoUserAndTheCallbackIsNotThereWhenIssuingLocally() {
        assertThat(document.at("/paths/~1.well-known~1fapiaoflow-verification-key.pem/get/security")).isEmpty();
        assertThat(document.at("/paths/~1api~1platform~1callback").isMissingNode()).isTrue();
    }

    @Test
    void describesTheApiAndEveryTopic() {
        assertThat(document.at("/info/description").asText()).contains("ProblemDetail");
        assertThat(document.at("/tags")).isNotEmpty();
        document.at("/tags").forEach(tag -> assertThat(tag.at("/description").asText())
                .as("description of tag %s", tag.at("/name").asText()).isNotBlank());
    }

    @Test
    void everyOperationHasASummaryAndATopicAndEverySummaryLineAnOperation() {
        Set<String> operations = new HashSet<>();
        document.at("/paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            operations.add(name);
            assertThat(operation.getValue().at("/summary").asText()).as("summary of %s", name).isNotBlank();
            assertThat(operation.getValue().at("/tags")).as("topic of %s", name).hasSize(1);
        }));
        Set<String> lines = new HashSet<>(ApiDocumentation.summaries().keySet());
        lines.removeAll(PLATFORM_MODE_ONLY); // PlatformCallbackDocumentTest finds them in platform mode
        assertThat(lines).as("lines of %s without an operation", ApiDocumentation.SUMMARIES).isSubsetOf(operations);
    }

    @Test
    void describesEveryApiEndpointOfTheMatrixAndNoPage() throws IOException {
        Set<String> documented = new HashSet<>();
        document.at("/paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        List<String> apiRows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/security/endpoint-matrix.txt"))) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length >= 3 && (columns[1].startsWith("/api/") || columns[1].startsWith("/.well-known/"))) {
                apiRows.add(columns[0] + " " + columns[1]);
            }
        }
        assertThat(apiRows).isNotEmpty();
        assertThat(documented).containsAll(apiRows);
        assertThat(documented).allSatisfy(operation -> assertThat(operation.split(" ")[1]).matches("/api/.*|/\\.well-known/.*"));
    }

    private List<String> requirementsOf(String path, String method) {
        JsonNode security = document.path("paths").path(path).path(method).path("security");
        assertThat(document.path("paths").path(path).path(method).isMissingNode()).as("%s %s documented", method, path).isFalse();
        List<String> requirements = new ArrayList<>();
        security.forEach(requirement -> requirements.add(requirement.toString()));
        return requirements;
    }
}
