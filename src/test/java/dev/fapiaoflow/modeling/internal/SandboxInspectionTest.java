package dev.fapiaoflow.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.fapiaoflow.modeling.ModelProblem;
import dev.fapiaoflow.modeling.TestModels;

/** The sandbox's look at a model finds every script, foreign class and non-FEEL table wherever the model hides it. */
class SandboxInspectionTest {

    private final ModelSandbox sandbox = new ModelSandbox(SandboxProperties.defaults(), null);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "SCRIPT_REFUSED | <task id=\"step\"><extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"groovy\">1</camunda:script></camunda:inputParameter></camunda:inputOutput></extensionElements></task>",
            "SCRIPT_REFUSED | <userTask id=\"step\" camunda:candidateGroups=\"finance-reviewer\"><extensionElements><camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"javascript\" resource=\"deployment://evil.js\"/></camunda:taskListener></extensionElements></userTask>",
            "CLASS_REFUSED  | <task id=\"step\"><extensionElements><camunda:executionListener event=\"start\" class=\"org.example.Evil\"/></extensionElements></task>",
            "CLASS_REFUSED  | <serviceTask id=\"step\" xmlns:activiti=\"http://activiti.org/bpmn\" activiti:class=\"org.example.Evil\"/>",
            "CLASS_REFUSED  | <callActivity id=\"step\" calledElement=\"x\" camunda:variableMappingClass=\"org.example.Evil\"/>",
            "EXPRESSION_REFUSED | <userTask id=\"step\" camunda:assignee=\"${''.class.classLoader}\"/>",
            "EXPRESSION_REFUSED | <userTask id=\"step\" camunda:dueDate=\"${execution['processEngine']}\"/>",
            "EXPRESSION_REFUSED | <task id=\"step\"><extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">${execution.bpmnModelInstance}</camunda:inputParameter></camunda:inputOutput></extensionElements></task>" })
    void findsWhatAProcessHides(String kind, String step) {
        assertThat(bpmn(TestModels.process("inspected", step))).anySatisfy(problem -> {
            assertThat(problem.kind()).isEqualTo(kind);
            assertThat(problem.elementId()).isEqualTo("step");
        });
    }

    @Test
    void aScriptConditionIsRefusedAtItsSequenceFlow() {
        String model = TestModels.process("inspected", "<task id=\"step\"/>").replace("<sequenceFlow id=\"toEnd\" sourceRef=\"step\" targetRef=\"end\"/>",
                "<sequenceFlow id=\"toEnd\" sourceRef=\"step\" targetRef=\"end\"><conditionExpression xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xsi:type=\"tFormalExpression\" language=\"groovy\">true</conditionExpression></sequenceFlow>");

        assertThat(bpmn(model)).extracting(ModelProblem::elementId, ModelProblem::kind).containsExactly(org.assertj.core.groups.Tuple.tuple("toEnd", "SCRIPT_REFUSED"));
    }

    @Test
    void theApplicationsOwnDelegatesProseAndAllowedFormatsPass() {
        String model = TestModels.process("inspected", "<serviceTask id=\"step\" camunda:class=\"dev.fapiaoflow.issuance.IssueInvoiceDelegate\">"
                + "<documentation>never write ${''.getClass()} in a model</documentation></serviceTask>");
        assertThat(bpmn(model)).isEmpty();

        ModelSandbox groovyAllowed = new ModelSandbox(new SandboxProperties(List.of(), List.of("dev.fapiaoflow."), List.of("Groovy")), null);
        String script = TestModels.process("inspected", "<scriptTask id=\"step\" scriptFormat=\"groovy\"><script>1</script></scriptTask>");
        assertThat(SandboxInspection.of(groovyAllowed, "bpmn/inspected.bpmn", script.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void decisionTablesAreFeelOnlyWithoutExternalFunctions() {
        String juel = TestModels.limitTable("inspected", "1000").replace("namespace=\"https://fapiaoflow.dev/test\"",
                "namespace=\"https://fapiaoflow.dev/test\" expressionLanguage=\"juel\"");
        String external = TestModels.limitTable("inspected",
                "(function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}})(1)");

        assertThat(dmn(TestModels.limitTable("inspected", "1000"))).isEmpty();
        assertThat(dmn(juel)).extracting(ModelProblem::kind).containsExactly("LANGUAGE_REFUSED");
        assertThat(dmn(external)).extracting(ModelProblem::elementId, ModelProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NormalLimitValue", "LANGUAGE_REFUSED"));
    }

    @Test
    void caseModelsAndDocumentsWithADtdAreRefusedWhole() {
        assertThat(SandboxInspection.of(sandbox, "x.cmmn", "<definitions/>".getBytes(StandardCharsets.UTF_8)))
                .extracting(ModelProblem::kind).containsExactly("RESOURCE_REFUSED");
        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"http://127.0.0.1:9/x\">]>" + TestModels.process("inspected", "<task id=\"step\"/>")
                .replaceFirst("<\\?xml[^>]*>", "");
        assertThat(bpmn(dtd)).extracting(ModelProblem::kind).containsExactly("RESOURCE_REFUSED");
    }

    private List<ModelProblem> bpmn(String model) {
        return SandboxInspection.of(sandbox, "bpmn/inspected.bpmn", model.getBytes(StandardCharsets.UTF_8));
    }

    private List<ModelProblem> dmn(String model) {
        return SandboxInspection.of(sandbox, "dmn/inspected.dmn", model.getBytes(StandardCharsets.UTF_8));
    }
}
