package dev.fapiaoflow.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fapiaoflow.modeling.TestModels;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * The sandbox inside the engine: a start-up file outside it stops the deployment of all files, and an expression that
 * got in anyway (deployed before the sandbox, or past a gap in the parse-time look) is refused when it runs, by the
 * engine's own expression manager, its DMN engine, its script engines and its class delegates.
 */
class ModelSandboxEngineTest extends SpringTestBase {

    private static final String KEY = "modeling-sandbox-engine";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;

    private ProcessEngineConfigurationImpl configuration;

    @BeforeEach
    void engineConfiguration() {
        configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @Test
    void aStartUpFileOutsideTheSandboxStopsTheDeploymentOfEveryFileNamingItsElement() {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("dmn/" + KEY + "-limit.dmn", bytes(TestModels.limitTable(KEY + "-limit", "1000")));
        files.put("bpmn/" + KEY + ".bpmn", bytes(TestModels.process(KEY,
                "<serviceTask id=\"grantReviewer\" camunda:expression=\"${identityService.createMembership('alice', 'finance-reviewer')}\"/>")));

        assertThatThrownBy(() -> ModelFiles.deployChanged(repository, files)).isInstanceOf(ModelNotDeployable.class)
                .hasMessageContaining("bpmn/" + KEY + ".bpmn").hasMessageContaining("grantReviewer").hasMessageContaining("identityService");

        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(KEY + "-limit").count()).as("nor the good file").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "reflection        | ${''.getClass().forName('java.lang.System').getProperty('user.home')}",
            "reflection, brackets | ${''['class']['classLoader']}",
            "bean access       | ${identityService.createMembership('alice', 'finance-reviewer')}",
            "Spring's context  | ${systemProperties['user.home']}",
            "engine services   | ${execution.getProcessEngineServices().getIdentityService().createMembership('alice', 'finance-reviewer')}",
            "the engine        | ${execution.processEngine.identityService.createMembership('alice', 'finance-reviewer')}",
            "engine internals  | ${execution.processDefinition.deploymentId}",
            "allowed bean's class | ${reviewConfig.getClass().getClassLoader()}" })
    void theEnginesExpressionManagerRefusesEscapesWhenTheyRun(String attack, String expression) {
        ExecutionEntity execution = waitingExecution();

        assertThatThrownBy(() -> evaluate(expression, execution)).as(attack).isInstanceOf(ProcessEngineException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("refused by the model sandbox", "Unknown property used in expression"));
        assertThat(identity.createUserQuery().userId("alice").memberOfGroup("finance-reviewer").count()).isZero();
    }

    @Test
    void whatModelsAreMeantToUseStillResolvesWhenItRuns() {
        ExecutionEntity execution = waitingExecution();

        assertThat(evaluate("${execution.processInstanceId}", execution)).isEqualTo(execution.getProcessInstanceId());
        assertThat(evaluate("${execution.getVariable('invoiceType')} ${invoiceType.length()}", execution)).isEqualTo("SPECIAL 7");
        assertThat(evaluate("${reviewConfig.supplementTimeout}", execution)).isNotNull();
        assertThat(evaluate("${dateTime().plusDays(1).toDate()}", execution)).isInstanceOf(java.util.Date.class);
        assertThat(evaluate("${validateRequestDelegate != null}", execution)).isEqualTo(true);
    }

    @Test
    void theEnginesDecisionEngineRefusesJuelEscapesAndScriptsOfATableThatGotIn() {
        DmnEngine dmn = configuration.getDmnEngine();
        DmnDecision juel = inCommand(() -> dmn.parseDecision("escape", new ByteArrayInputStream(bytes(table("juel",
                "${''.getClass().forName('java.lang.System').getProperty('java.home')}")))));
        DmnDecision script = inCommand(() -> dmn.parseDecision("escape",
                new ByteArrayInputStream(bytes(table("javascript", "java.lang.System.exit(1)")))));

        assertThatThrownBy(() -> inCommand(() -> dmn.evaluateDecision(juel, Map.of("x", 1)))).hasStackTraceContaining("refused by the model sandbox");
        assertThatThrownBy(() -> inCommand(() -> dmn.evaluateDecision(script, Map.of("x", 1)))).hasStackTraceContaining("refused by the model sandbox");
    }

    @Test
    void scriptEnginesAndForeignClassDelegatesAreRefusedWhenTheyWouldRun() {
        assertThatThrownBy(() -> inCommand(() -> configuration.getScriptingEngines().getScriptEngineForLanguage("groovy")))
                .hasStackTraceContaining("refused by the model sandbox");
        assertThatThrownBy(() -> configuration.getArtifactFactory().getArtifact(ArrayList.class))
                .hasMessageContaining("refused by the model sandbox").hasMessageContaining("java.util.ArrayList");
        assertThat(configuration.getArtifactFactory().getArtifact(SandboxProbe.class)).isInstanceOf(SandboxProbe.class);
    }

    /** a class of the application's packages, which class delegates may name */
    public static class SandboxProbe {
    }

    private ExecutionEntity waitingExecution() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY + "-wait").count() == 0) {
            repository.createDeployment().addString(KEY + "-wait.bpmn", TestModels.process(KEY + "-wait",
                    "<userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\"/>")).deploy();
        }
        String id = runtime.startProcessInstanceByKey(KEY + "-wait", Map.of("invoiceType", "SPECIAL")).getId();
        return inCommand(() -> org.camunda.bpm.engine.impl.context.Context.getCommandContext().getExecutionManager().findExecutionById(id));
    }

    private Object evaluate(String expression, ExecutionEntity execution) {
        return inCommand(() -> configuration.getExpressionManager().createExpression(expression).getValue(execution));
    }

    private <T> T inCommand(java.util.function.Supplier<T> work) {
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> work.get());
    }

    private static String table(String language, String output) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Escape" name="escape" namespace="https://fapiaoflow.dev/test">
                  <decision id="escape" name="escape">
                    <decisionTable id="EscapeTable">
                      <input id="InputX"><inputExpression id="InputXExpression" typeRef="integer"><text>x</text></inputExpression></input>
                      <output id="OutputY" name="y" typeRef="string"/>
                      <rule id="Leak">
                        <inputEntry id="LeakX"><text>-</text></inputEntry>
                        <outputEntry id="LeakY" expressionLanguage="%s"><text>%s</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(language, output).strip();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
