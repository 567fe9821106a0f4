package dev.fapiaoflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.support.SpringTestBase;

/**
 * Camunda Forms Tasklist can use: a form without an id (Camunda would file it as "version 0") and one in a schema newer
 * than Camunda 7.24's Tasklist renders are refused at deploy, naming why; the browser's form editor saves that schema.
 */
class FormChecksApiTest extends SpringTestBase {

    private static final String FORM = """
            {"id": %s, "type": "default", "schemaVersion": %d, "components": [
              {"id": "Field_note", "key": "note", "type": "textfield", "label": "Note"}]}
            """;

    @Test
    void aFormWithoutAnIdIsRefused() {
        ResponseEntity<JsonNode> refused = deploy("forms/no-id.form", FORM.formatted("null", 16).replace("\"id\": null, ", ""));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("problems").get(0).get("kind").asText()).isEqualTo("FORM_WITHOUT_ID");
        assertThat(refused.getBody().get("problems").get(0).get("message").asText()).contains("表单没有 \"id\"");
        ResponseEntity<JsonNode> english = deploy("forms/no-id.form", FORM.formatted("null", 16).replace("\"id\": null, ", ""), "en");
        assertThat(english.getBody().get("problems").get(0).get("kind").asText()).isEqualTo("FORM_WITHOUT_ID");
        assertThat(english.getBody().get("problems").get(0).get("message").asText()).startsWith("The form has no \"id\"");
    }

    @Test
    void aSchemaNewerThanTasklistRendersIsRefusedNamingTheSupportedVersion() {
        ResponseEntity<JsonNode> refused = deploy("forms/too-new.form", FORM.formatted("\"too-new\"", 19));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = refused.getBody().get("problems").get(0);
        assertThat(problem.get("kind").asText()).isEqualTo("FORM_SCHEMA_TOO_NEW");
        assertThat(problem.get("message").asText()).contains("schemaVersion 19", "最高 16", "7.24");
        JsonNode english = deploy("forms/too-new.form", FORM.formatted("\"too-new\"", 19), "en").getBody().get("problems").get(0);
        assertThat(english.get("kind").asText()).isEqualTo("FORM_SCHEMA_TOO_NEW");
        assertThat(english.get("message").asText()).isEqualTo("schemaVersion 19 is newer than Camunda 7.24's Tasklist renders"
                + " (up to 16); save the form with schemaVersion 16");
    }

    @Test
    void aFormInTasklistsSchemaWithAnIdDeploysAsVersionOne() {
        ResponseEntity<JsonNode> deployed = deploy("forms/tasklist-note.form", FORM.formatted("\"tasklist-note\"", 16));

        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(deployed.getBody().get("definitions").get(0).asText()).isEqualTo("tasklist-note:1");
    }

    @Test
    void theFormEditorSavesTheSchemaVersionTheServerAccepts() throws IOException {
        assertThat(Files.readString(Path.of("frontend/src/modeler.js"))).contains("TASKLIST_FORM_SCHEMA_VERSION = 16;",
                "schemaVersion: TASKLIST_FORM_SCHEMA_VERSION");
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                assertThat(Files.readString(form)).as(form.toString()).contains("\"schemaVersion\": 16");
            }
        }
    }

    private ResponseEntity<JsonNode> deploy(String resourceName, String content) {
        return deploy(resourceName, content, "zh-CN");
    }

    /** The problems' words follow Accept-Language; their kind codes do not (the contract). */
    private ResponseEntity<JsonNode> deploy(String resourceName, String content, String language) {
        return client("owner").post().uri("/api/models/deployments").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .body(Map.of("resourceName", resourceName, "content", content, "comment", "form check"))
                .retrieve().toEntity(JsonNode.class);
    }
}
