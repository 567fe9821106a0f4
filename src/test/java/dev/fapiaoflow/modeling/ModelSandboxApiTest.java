package dev.fapiaoflow.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.fapiaoflow.support.SpringTestBase;

/**
 * A process owner models business rules, not code: expressions that reach for reflection, for beans models may not call
 * or for the engine behind an execution, Java classes from elsewhere and scripts are refused, naming the element and the
 * reason, at every door (the modeler's JSON API, Camunda Modeler's {@code /engine-rest/deployment/create}, the
 * modeler's Check), and nothing is deployed.
 */
class ModelSandboxApiTest extends SpringTestBase {

    private static final String KEY = "modeling-sandbox-test";

    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "EXPRESSION_REFUSED | reflection | <serviceTask id=\"step\" camunda:expression=\"${''.getClass().forName('java.lang.System').getProperty('user.home')}\"/>",
            "EXPRESSION_REFUSED | bean access | <serviceTask id=\"step\" camunda:expression=\"${identityService.createMembership('alice', 'finance-reviewer')}\"/>",
            "EXPRESSION_REFUSED | Spring bean | <serviceTask id=\"step\" camunda:expression=\"${systemProperties['user.home']}\"/>",
            "EXPRESSION_REFUSED | engine services | <serviceTask id=\"step\" camunda:expression=\"${execution.getProcessEngineServices().getIdentityService().createMembership('alice', 'finance-reviewer')}\"/>",
            "EXPRESSION_REFUSED | engine | <serviceTask id=\"step\" camunda:expression=\"${execution.processEngine.identityService.createMembership('alice', 'finance-reviewer')}\"/>",
            "EXPRESSION_REFUSED | listener | <task id=\"step\"><extensionElements><camunda:executionListener event=\"start\" expression=\"${execution.getClass().getClassLoader()}\"/></extensionElements></task>",
            "CLASS_REFUSED      | foreign class | <serviceTask id=\"step\" camunda:class=\"org.camunda.bpm.example.invoice.service.ArchiveInvoiceService\"/>",
            "SCRIPT_REFUSED     | script task | <scriptTask id=\"step\" scriptFormat=\"javascript\"><script>java.lang.System.exit(1)</script></scriptTask>",
            "SCRIPT_REFUSED     | script listener | <task id=\"step\"><extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">System.exit(1)</camunda:script></camunda:executionListener></extensionElements></task>",
            "SCRIPT_REFUSED     | juel script | <scriptTask id=\"step\" scriptFormat=\"juel\"><script>${''.getClass()}</script></scriptTask>" })
    void theModelersDeploymentRefusesEachAttackNamingTheElementAndDeploysNothing(String kind, String attack, String step) {
        String model = TestModels.process(KEY, step);

        ResponseEntity<JsonNode> deploy = post("/api/models/deployments",
                Map.of("resourceName", "bpmn/" + KEY + ".bpmn", "content", model, "comment", attack));

        assertThat(deploy.getStatusCode()).as(String.valueOf(deploy.getBody())).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(deploy.getBody().get("problems")).as(deploy.getBody().toString()).anySatisfy(problem -> {
            assertThat(problem.get("elementId").asText()).isEqualTo("step");
            assertThat(problem.get("kind").asText()).isEqualTo(kind);
        });
        assertNothingDeployed(KEY);
        assertThat(identity.createUserQuery().userId("alice").memberOfGroup("finance-reviewer").count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "reflection      | <serviceTask id=\"step\" camunda:expression=\"${''.getClass().forName('java.lang.System').getProperty('user.home')}\"/> | getClass",
            "bean access     | <serviceTask id=\"step\" camunda:expression=\"${identityService.createMembership('alice', 'finance-reviewer')}\"/>        | identityService",
            "engine services | <serviceTask id=\"step\" camunda:expression=\"${execution.getProcessEngineServices().getIdentityService()}\"/>              | getProcessEngineServices",
            "script task     | <scriptTask id=\"step\" scriptFormat=\"javascript\"><script>java.lang.System.exit(1)</script></scriptTask>                 | javascript" })
    void camundaModelersDeploymentOverEngineRestIsRefusedWith422InCamundasErrorFormat(String attack, String step, String reason) {
        String key = KEY + "-rest";

        ResponseEntity<JsonNode> deploy = deployOverEngineRest(attack, Map.of(key + ".bpmn", TestModels.process(key, step)));

        assertThat(deploy.getStatusCode()).as(String.valueOf(deploy.getBody())).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(deploy.getBody().get("type").asText()).isEqualTo("ModelNotDeployable");
        assertThat(deploy.getBody().get("message").asText()).contains(key + ".bpmn", "step", reason);
        assertThat(deploy.getBody().at("/details/" + key + ".bpmn/errors/0/mainElementId").asText()).isEqualTo("step");
        assertNothingDeployed(key);
    }

    @Test
    void checkingADecisionTableWithAJuelEscapeEvaluatesNothingAndNamesTheExpression() {
        String table = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Escape" name="escape" namespace="https://fapiaoflow.dev/test">
                  <decision id="four-eyes" name="four-eyes">
                    <decisionTable id="EscapeTable" hitPolicy="FIRST">
                      <input id="InputTotal"><inputExpression id="InputTotalExpression" typeRef="double"><text>totalAmountFen</text></inputExpression></input>
                      <output id="OutputNeeded" name="secondApprovalNeeded" typeRef="string"/>
                      <rule id="Leak">
                        <inputEntry id="LeakTotal"><text>-</text></inputEntry>
                        <outputEntry id="LeakValue" expressionLanguage="juel"><text>${''.getClass().forName('java.lang.System').getMethod('getProperty', ''.getClass()).invoke(null, 'java.home')}</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.strip();

        ResponseEntity<JsonNode> check = post("/api/models/checks", Map.of("resourceName", "dmn/four-eyes.dmn", "content", table));

        assertThat(check.getBody().toString()).doesNotContain(System.getProperty("java.home"));
        assertThat(check.getBody().get("problems")).as(check.getBody().toString()).anySatisfy(problem -> {
            assertThat(problem.get("elementId").asText()).isEqualTo("LeakValue");
            assertThat(problem.get("kind").asText()).isEqualTo("LANGUAGE_REFUSED");
            assertThat(problem.get("message").asText()).contains("juel", "决策表只能使用 FEEL");
        });
        assertThat(check.getBody().get("differences")).isEmpty();
    }

    @Test
    void checkingAProcessNamesTheBeanItMayNotCall() {
        String model = TestModels.process(KEY, "<serviceTask id=\"step\" camunda:expression=\"${runtimeService.startProcessInstanceByKey('periodic-invoicing')}\"/>");

        JsonNode check = post("/api/models/checks", Map.of("resourceName", "bpmn/" + KEY + ".bpmn", "content", model)).getBody();

        assertThat(check.get("problems")).as(check.toString()).singleElement().satisfies(problem -> {
            assertThat(problem.get("elementId").asText()).isEqualTo("step");
            assertThat(problem.get("kind").asText()).isEqualTo("EXPRESSION_REFUSED");
            assertThat(problem.get("message").asText()).contains("runtimeService", "模型不能调用");
        });
        JsonNode english = client("owner").post().uri("/api/models/checks").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .body(Map.of("resourceName", "bpmn/" + KEY + ".bpmn", "content", model)).retrieve().body(JsonNode.class);
        assertThat(english.get("problems")).as(english.toString()).singleElement().satisfies(problem -> {
            assertThat(problem.get("kind").asText()).isEqualTo("EXPRESSION_REFUSED");
            assertThat(problem.get("message").asText()).isEqualTo("Expression ${runtimeService.startProcessInstanceByKey("
                    + "'periodic-invoicing')} uses bean runtimeService, which models may not call");
        });
    }

    private void assertNothingDeployed(String key) {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).as("nothing deployed").isZero();
    }

    /** Camunda's REST API speaks the caller's language too: zh-CN without Accept-Language, English when asked. */
    @Test
    void theEngineRestRefusalIsWordedInTheCallersLanguage() {
        String key = KEY + "-language";
        String step = "<serviceTask id=\"step\" camunda:expression=\"${runtimeService.startProcessInstanceByKey('x')}\"/>";
        Map<String, String> files = Map.of(key + ".bpmn", TestModels.process(key, step));

        ResponseEntity<JsonNode> chinese = deployOverEngineRest("language", files, null);
        ResponseEntity<JsonNode> english = deployOverEngineRest("language", files, "en-US,en;q=0.9");

        assertThat(chinese.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(chinese.getBody().get("message").asText()).contains("使用了 bean runtimeService，模型不能调用它");
        assertThat(english.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(english.getBody().get("message").asText()).contains("uses bean runtimeService, which models may not call");
        assertNothingDeployed(key);
    }

    private ResponseEntity<JsonNode> deployOverEngineRest(String name, Map<String, String> files) {
        return deployOverEngineRest(name, files, null);
    }

    private ResponseEntity<JsonNode> deployOverEngineRest(String name, Map<String, String> files, String language) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", name);
        form.add("deployment-source", "Camunda Modeler");
        files.forEach((file, content) -> form.add(file, new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return file;
            }
        }));
        return client("owner").post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA)
                .headers(headers -> {
                    if (language != null) {
                        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                    }
                })
                .body(form).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return client("owner").post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }
}
