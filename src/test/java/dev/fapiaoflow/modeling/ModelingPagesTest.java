package dev.fapiaoflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.fapiaoflow.support.SpringTestBase;

/** The library, editor, diff and migration pages render for process owners and are closed to everyone else. */
class ModelingPagesTest extends SpringTestBase {

    private static final String KEY = "modeling-pages-test";

    @Autowired
    RuntimeService runtime;

    @Test
    void theLibraryListsEveryModelWithItsVersionsAndTheEditorLoadsTheBundle() throws Exception {
        String library = page("/models", owner());
        assertThat(library).contains("data-model=\"DMN:four-eyes\"", "data-model=\"BPMN:invoice-request\"",
                "data-model=\"FORM:review-special-vat\"", "/models/dmn/four-eyes/edit", "id=\"flowable-import\"", "/api/models/files.zip");

        String editor = page("/models/dmn/four-eyes/edit", owner());
        assertThat(editor).contains("data-kind=\"DMN\"", "/api/models/dmn/four-eyes/versions/", "/modeler/modeler.js",
                "/modeler/modeler-styles.css", "name=\"_csrf\"");
        assertThat(mockMvc.perform(get("/modeler/modeler.js").with(owner())).andReturn().getResponse().getContentAsByteArray().length)
                .as("the bundle is served by the app").isGreaterThan(100_000);
    }

    @Test
    void theDiffPageHighlightsTheChangedTaskAndTheMigrationPageOffersTheRunningInstances() throws Exception {
        String v1 = TestModels.process(KEY, "<userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\"/>");
        String v2 = v1.replace("candidateGroups=\"finance-reviewer\"", "candidateGroups=\"finance-manager\"");
        deploy(v1, "first");
        String instance = runtime.startProcessInstanceByKey(KEY).getId();
        deploy(v2, "managers");

        String diff = page("/models/bpmn/" + KEY + "/versions/2/diff", owner());
        assertThat(diff).contains("class=\"changed\" data-element=\"step\"", "id=\"model-diff\"", "\"changed\":[\"step\"]");

        String migration = page("/models/bpmn/" + KEY + "/migration?from=1", owner());
        assertThat(migration).contains("id=\"instructions\"", "value=\"" + instance + "\"");
        mockMvc.perform(post("/models/bpmn/" + KEY + "/migration").param("from", "1").param("to", "2").param("instance", instance)
                .with(owner()).with(csrf()));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId())
                .contains(KEY + ":2:");
        runtime.deleteProcessInstance(instance, "test over");
    }

    @Test
    void otherRolesGetForbidden() throws Exception {
        for (String group : new String[] { "customer", "finance-manager", "finance-reviewer", "customer-service" }) {
            assertThat(mockMvc.perform(get("/models").with(user("x").authorities(new SimpleGrantedAuthority(group))))
                    .andReturn().getResponse().getStatus()).as(group).isEqualTo(403);
        }
    }

    private void deploy(String content, String comment) {
        assertThat(client("owner").post().uri("/api/models/deployments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("resourceName", "bpmn/" + KEY + ".bpmn", "content", content, "comment", comment))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        var response = mockMvc.perform(get(path).with(who)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + ": " + response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private static RequestPostProcessor owner() {
        return user("owner").authorities(new SimpleGrantedAuthority("process-owner"));
    }
}
