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

        ServiceTask callErp = model.getModelElementById("callErp");
        assertThat(callErp.getCamundaDelegateExpression()).isEqualTo("${erpClient}");

        assertThat(translation.notes()).extracting(FlowableImport.Note::elementId, FlowableImport.Note::what)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("notify", "flowable:type"),
                        org.assertj.core.groups.Tuple.tuple("notify", "flowable:skipExpression"),
                        org.assertj.core.groups.Tuple.tuple("callErp", "flowable:type"));
    }

    @Test
    void theApprovalProcessGetsIdsForItsFlowsAndReportsTheEventListener() throws IOException {
        FlowableImport.Translation translation = translate("invoice-approval.bpmn20.xml");
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(translation.content().getBytes(StandardCharsets.UTF_8)));

        assertThat(translation.processKey()).isEqualTo("flowable-invoice-approval");
        UserTask approve = model.getModelElementById("approveTask");
        assertThat(approve.getCamundaCandidateGroups()).isEqualTo("finance-manager");
        assertThat(approve.getCamundaFormKey()).isEqualTo("approveInvoice");
        assertThat(approve.getCamundaDueDate()).isEqualTo("P3D");
        ServiceTask record = model.getModelElementById("recordApproval");
        assertThat(record.isCamundaAsyncBefore()).isTrue();
        assertThat(record.isCamundaExclusive()).isFalse();
        assertThat(record.getCamundaExpression()).isEqualTo("${execution.setVariable('outcome', 'approved')}");
        assertThat(translation.notes()).extracting(FlowableImport.Note::what).contains("flowable:eventListener", "id");
        assertThat(translation.notes()).filteredOn(n -> n.what().equals("id")).hasSize(3);
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
