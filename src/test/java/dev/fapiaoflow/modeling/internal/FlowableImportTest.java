package dev.fapiaoflow.modeling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

import dev.fapiaoflow.shared.InvalidInputException;

/** Flowable models translated to Camunda 7: what has a counterpart is carried over, the rest is reported by element. */
class FlowableImportTest {

    private final FlowableImport flowable = new FlowableImport();

    @Test
    void classesFieldsRetriesAsyncCallActivityMappingsListenersAndAssignmentAreTranslated() throws IOException {
        FlowableImport.Translation translation = translate("order-fulfilment.bpmn20.xml");
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(translation.content().getBytes(StandardCharsets.UTF_8)));
        assertThat(translation.content()).doesNotContain("flowable:", "xmlns:flowable");
        assertThat(translation.resourceName()).isEqualTo("bpmn/order-fulfilment.bpmn");

        ServiceTask reserve = model.getModelElementById("reserveStock");
        assertThat(reserve.getCamundaClass()).isEqualTo("org.flowable.examples.ReserveStockDelegate");
        assertThat(reserve.isCamundaAsyncBefore()).isTrue();
        var extensions = reserve.getExtensionElements();
        assertThat(extensions.getElementsQuery().filterByType(CamundaField.class).list())
                .extracting(CamundaField::getCamundaName, CamundaField::getCamundaStringValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("warehouse", "north"), org.assertj.core.groups.Tuple.tuple("quantity", null));
        CamundaField quantity = extensions.getElementsQuery().filterByType(CamundaField.class).list().get(1);
        assertThat(quantity.getCamundaExpressionChild().getTextContent()).isEqualTo("${order.quantity}");
        assertThat(extensions.getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).singleResult().getTextContent())
                .isEqualTo("R5/PT10M");
        CamundaExecutionListener listener = extensions.getElementsQuery().filterByType(CamundaExecutionListener.class).singleResult();
        assertThat(listener.getCamundaEvent()).isEqualTo("end");
        assertThat(listener.getCamundaDelegateExpression()).isEqualTo("${stockListener}");
        assertThat(listener.getCamundaFields()).extracting(f -> f.getCamundaString().getTextContent()).containsExactly("info");

        CallActivity ship = model.getModelElementById("ship");
        var shipExtensions = ship.getExtensionElements().getElementsQuery();
        assertThat(shipExtensions.filterByType(CamundaIn.class).list())
                .extracting(CamundaIn::getCamundaSource, CamundaIn::getCamundaSourceExpression, CamundaIn::getCamundaTarget,
                        CamundaIn::getCamundaBusinessKey)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("orderId", null, "orderId", null),
                        org.assertj.core.groups.Tuple.tuple(null, "${order.address}", "address", null),
                        org.assertj.core.groups.Tuple.tuple(null, null, null, "#{execution.processBusinessKey}"));
        assertThat(ship.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).singleResult().getCamundaTarget())
                .isEqualTo("trackingNumber");

        UserTask check = model.getModelElementById("check");
        assertThat(check.getCamundaAssignee()).isEqualTo("${initiator}");
        assertThat(check.getCamundaCandidateUsers()).isEqualTo("kermit, gonzo");
        assertThat(check.getCamundaCandidateGroups()).isEqualTo("sales");
        assertThat(check.isCamundaExclusive()).isFalse();
        assertThat(check.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).singleResult().getCamundaClass())
                .isEqualTo("org.flowable.examples.AuditListener");


        assertThat(translation.notes()).filteredOn(n -> !"CHANGED".equals(n.action()))
                .extracting(FlowableImport.Note::action, FlowableImport.Note::elementId, FlowableImport.Note::what)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("REPLACED", "notify", "flowable:type"),
                        org.assertj.core.groups.Tuple.tuple("DROPPED", "notify", "field to"),
                        org.assertj.core.groups.Tuple.tuple("DROPPED", "notify", "flowable:skipExpression"),
                        org.assertj.core.groups.Tuple.tuple("REPLACED", "callErp", "flowable:type"),
                        org.assertj.core.groups.Tuple.tuple("DROPPED", "callErp", "flowable:delegateExpression"),
                        org.assertj.core.groups.Tuple.tuple("ADDED", null, "bpmndi:BPMNDiagram"));
        assertThat(model.getModelElementById("notify").getElementType().getTypeName()).isEqualTo("task");
        assertThat(translation.content()).contains("[unsupported mail task] notify", "to = ${customerEmail}",
                "[unsupported http task] callErp");
        assertThat(translation.notes()).extracting(FlowableImport.Note::what).contains("flowable:class", "flowable:async",
                "flowable:executionListener", "flowable:taskListener", "flowable:failedJobRetryTimeCycle", "flowable:in",
                "flowable:out", "flowable:inheritBusinessKey", "flowable:assignee", "flowable:candidateUsers",
                "flowable:candidateGroups", "flowable:exclusive");
    }

    @Test
    void theApprovalProcessGetsIdsForItsFlowsAndReportsTheEventListener() throws IOException {
        FlowableImport.Translation translation = translate("invoice-approval.bpmn20.xml");
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(translation.content().getBytes(StandardCharsets.UTF_8)));

        assertThat(translation.processKey()).isEqualTo("flowable-invoice-approval");
        UserTask approve = model.getModelElementById("approveTask");
        assertThat(approve.getCamundaCandidateGroups()).isEqualTo("finance-manager");
        assertThat(approve.getCamundaFormKey()).as("a Flowable form key names no Camunda form").isNull();
        var formField = approve.getExtensionElements().getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData.class).singleResult().getCamundaFormFields()
                .iterator().next();
        assertThat(formField.getCamundaId()).isEqualTo("approved");
        assertThat(formField.getCamundaLabel()).isEqualTo("Approved");
        assertThat(formField.getCamundaType()).isEqualTo("boolean");
        assertThat(formField.getCamundaValidation().getCamundaConstraints()).extracting(c -> c.getCamundaName()).containsExactly("required");
        assertThat(approve.getCamundaDueDate()).isEqualTo("P3D");
        ServiceTask record = model.getModelElementById("recordApproval");
        assertThat(record.isCamundaAsyncBefore()).isTrue();
        assertThat(record.isCamundaExclusive()).isFalse();
        assertThat(record.getCamundaExpression()).isEqualTo("${execution.setVariable('outcome', 'approved')}");
        assertThat(translation.notes()).extracting(FlowableImport.Note::what).contains("flowable:eventListener", "id");
        assertThat(translation.notes()).filteredOn(n -> n.what().equals("id")).hasSize(3);
        assertThat(translation.notes()).extracting(FlowableImport.Note::action, FlowableImport.Note::elementId, FlowableImport.Note::what)
                .contains(org.assertj.core.groups.Tuple.tuple("CHANGED", "approveTask", "formProperty approved"),
                        org.assertj.core.groups.Tuple.tuple("DROPPED", "approveTask", "flowable:formKey"),
                        org.assertj.core.groups.Tuple.tuple("DROPPED", "startEvent", "flowable:formKey"));
    }

    @Test
    void formPropertiesBecomeCamundaFormFieldsWithTheirTypesValuesAndConstraints() {
        String source = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                             targetNamespace="t">
                  <process id="leave">
                    <startEvent id="start">
                      <extensionElements>
                        <flowable:formProperty id="days" name="Days" type="long" required="true"/>
                        <flowable:formProperty id="from" name="From" type="date" datePattern="yyyy-MM-dd"/>
                        <flowable:formProperty id="kind" name="Kind" type="enum" default="annual">
                          <flowable:value id="annual" name="Annual leave"/>
                          <flowable:value id="sick" name="Sick leave"/>
                        </flowable:formProperty>
                        <flowable:formProperty id="rate" name="Rate" type="double" variable="dailyRate"/>
                        <flowable:formProperty id="secret" readable="false"/>
                        <flowable:formProperty id="note" name="Note" writable="false" expression="${note}"/>
                      </extensionElements>
                    </startEvent>
                    <sequenceFlow id="f" sourceRef="start" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """;

        FlowableImport.Translation translation = flowable.translate("leave.bpmn20.xml", source);

        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(translation.content().getBytes(StandardCharsets.UTF_8)));
        var start = (org.camunda.bpm.model.bpmn.instance.StartEvent) model.getModelElementById("start");
        var fields = start.getExtensionElements().getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData.class).singleResult().getCamundaFormFields();
        assertThat(fields).extracting(f -> f.getCamundaId(), f -> f.getCamundaType(), f -> f.getCamundaDefaultValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("days", "long", null),
                        org.assertj.core.groups.Tuple.tuple("from", "date", null),
                        org.assertj.core.groups.Tuple.tuple("kind", "enum", "annual"),
                        org.assertj.core.groups.Tuple.tuple("dailyRate", "string", null),
                        org.assertj.core.groups.Tuple.tuple("note", "string", null));
        assertThat(fields.stream().filter(f -> f.getCamundaId().equals("kind")).findFirst().orElseThrow().getCamundaValues())
                .extracting(v -> v.getCamundaId(), v -> v.getCamundaName())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("annual", "Annual leave"), org.assertj.core.groups.Tuple.tuple("sick", "Sick leave"));
        assertThat(translation.content()).contains("datePattern=\"yyyy-MM-dd\"", "<camunda:constraint name=\"readonly\"/>");
        assertThat(translation.notes()).extracting(FlowableImport.Note::action, FlowableImport.Note::what).contains(
                org.assertj.core.groups.Tuple.tuple("ADDED", "isExecutable"),
                org.assertj.core.groups.Tuple.tuple("CHANGED", "formProperty rate"),
                org.assertj.core.groups.Tuple.tuple("DROPPED", "formProperty secret"),
                org.assertj.core.groups.Tuple.tuple("DROPPED", "formProperty note"));
        assertThat(translation.content()).contains("isExecutable=\"true\"").doesNotContain("flowable:");
    }

    @Test
    void theInitiatorPlaceholderReadsTheInitiatorVariableWhichIsAddedWhenTheStartEventHasNone() {
        String source = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                             targetNamespace="t">
                  <process id="p" isExecutable="true">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
                    <userTask id="task" flowable:assignee="$INITIATOR"/>
                    <sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """;

        FlowableImport.Translation translation = flowable.translate("p.bpmn20.xml", source);

        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(translation.content().getBytes(StandardCharsets.UTF_8)));
        assertThat(((UserTask) model.getModelElementById("task")).getCamundaAssignee()).isEqualTo("${initiator}");
        assertThat(((org.camunda.bpm.model.bpmn.instance.StartEvent) model.getModelElementById("start")).getCamundaInitiator())
                .isEqualTo("initiator");
        assertThat(translation.notes()).extracting(FlowableImport.Note::action, FlowableImport.Note::elementId, FlowableImport.Note::what)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ADDED", "start", "camunda:initiator"),
                        org.assertj.core.groups.Tuple.tuple("CHANGED", "task", "flowable:assignee"),
                        org.assertj.core.groups.Tuple.tuple("CHANGED", "task", "flowable:assignee"),
                        org.assertj.core.groups.Tuple.tuple("ADDED", null, "bpmndi:BPMNDiagram"));
    }


    @Test
    void somethingThatIsNoBpmnIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> flowable.translate("x.xml", "<html/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> flowable.translate("x.xml",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
    }

    private FlowableImport.Translation translate(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/modeling/" + name)) {
            return flowable.translate(name, in.readAllBytes());
        }
    }
}
