package dev.fapiaoflow.process;

import static dev.fapiaoflow.delivery.DeliveryProcess.Elements.AWAIT_RECEIPT;
import static dev.fapiaoflow.delivery.DeliveryProcess.Elements.DECIDE_CHANNEL;
import static dev.fapiaoflow.delivery.DeliveryProcess.Elements.DELIVERED_BY_MAIL;
import static dev.fapiaoflow.delivery.DeliveryProcess.Elements.DELIVERED_BY_POST;
import static dev.fapiaoflow.delivery.DeliveryProcess.Elements.DELIVERY_REQUESTED;
import static dev.fapiaoflow.delivery.DeliveryProcess.Elements.POST_PAPER_INVOICE;
import static dev.fapiaoflow.delivery.DeliveryProcess.Elements.RECEIPT_CONFIRMED;
import static dev.fapiaoflow.delivery.DeliveryProcess.Elements.RECEIPT_TIMED_OUT;
import static dev.fapiaoflow.delivery.DeliveryProcess.Elements.RECORD_POSTING;
import static dev.fapiaoflow.delivery.DeliveryProcess.Elements.RECORD_RECEIPT;
import static dev.fapiaoflow.delivery.DeliveryProcess.Elements.SEND_INVOICE_MAIL;
import static dev.fapiaoflow.delivery.DeliveryProcess.Elements.WHICH_CHANNEL;
import static dev.fapiaoflow.delivery.DeliveryProcess.Vars.CHANNEL;
import static dev.fapiaoflow.delivery.DeliveryProcess.Vars.COURIER;
import static dev.fapiaoflow.delivery.DeliveryProcess.Vars.DELIVERY;
import static dev.fapiaoflow.delivery.DeliveryProcess.Vars.INVOICE_TYPE;
import static dev.fapiaoflow.delivery.DeliveryProcess.Vars.RECEIPT;
import static dev.fapiaoflow.delivery.DeliveryProcess.Vars.REQUEST_ID;
import static dev.fapiaoflow.delivery.DeliveryProcess.Vars.TRACKING_NUMBER;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.fapiaoflow.delivery.DeliveryConfig;
import dev.fapiaoflow.delivery.DeliveryProcess;
import dev.fapiaoflow.delivery.DeliveryProcess.Receipts;
import dev.fapiaoflow.delivery.DeliveryProcess.Channels;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.shared.Groups;

@Deployment(resources = { Models.INVOICE_DELIVERY, Models.DELIVERY_CHANNEL, Models.POST_PAPER_INVOICE_FORM })
class InvoiceDeliveryProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private static final long REQUEST = 4711L;
    private static final Date NOW = new Date(1_790_000_000_000L);
    private static final String TRACKING = "SF1234567890";

    private FakeDelegate sendInvoiceMail;
    private FakeDelegate recordPosting;
    private FakeDelegate recordReceipt;

    @BeforeEach
    void fakeTheDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        sendInvoiceMail = FakeDelegate.registeredAs("sendInvoiceMailDelegate")
                .settingVariables(Map.of(DeliveryProcess.Vars.MAIL_OUTCOME, "SENT"));
        recordPosting = FakeDelegate.registeredAs("recordPostingDelegate");
        recordReceipt = FakeDelegate.registeredAs("recordReceiptDelegate");
        Mocks.register("printableInvoicesListener",
                (org.camunda.bpm.engine.delegate.TaskListener) task -> task.setDescription("print " + task.getVariable(REQUEST_ID)));
        Mocks.register("deliveryConfig", new DeliveryConfig("P10D"));
    }

    @AfterEach
    void forgetTheDelegates() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void electronicInvoiceIsMailedBehindAnAsyncContinuation() {
        ProcessInstance delivery = start(InvoiceType.NORMAL, Channels.EMAIL);

        assertThat(delivery).isWaitingAt(SEND_INVOICE_MAIL).variables().containsEntry(CHANNEL, Channels.EMAIL);
        Assertions.assertThat(sendInvoiceMail.wasCalled()).as("not in the caller's transaction").isFalse();
        execute(job(SEND_INVOICE_MAIL, delivery));

        assertThat(delivery).isEnded()
                .hasPassedInOrder(DELIVERY_REQUESTED, DECIDE_CHANNEL, WHICH_CHANNEL, SEND_INVOICE_MAIL, DELIVERED_BY_MAIL);
        assertThat(delivery).hasNotPassed(POST_PAPER_INVOICE);
        Assertions.assertThat(sendInvoiceMail.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
    }

    @Test
    void withoutAMailServerTheMailIsHeldInTheOutboxAndNotCountedAsDelivered() {
        sendInvoiceMail.settingVariables(Map.of(DeliveryProcess.Vars.MAIL_OUTCOME, "HELD"));
        ProcessInstance delivery = start(InvoiceType.NORMAL, Channels.EMAIL);
        execute(job(SEND_INVOICE_MAIL, delivery));

        assertThat(delivery).isEnded().hasPassed(DeliveryProcess.Elements.HELD_IN_OUTBOX).hasNotPassed(DELIVERED_BY_MAIL);
    }

    @Test
    void normalInvoiceAskedForByPostIsMailedAnyway() {
        ProcessInstance delivery = start(InvoiceType.NORMAL, Channels.POST);

        assertThat(delivery).isWaitingAt(SEND_INVOICE_MAIL).variables().containsEntry(CHANNEL, Channels.EMAIL);
    }

    @Test
    void paperSpecialInvoiceIsPostedThenWaitsUntilTheCustomerConfirmsReceipt() {
        ProcessInstance delivery = start(InvoiceType.SPECIAL, Channels.POST);

        assertThat(delivery).isWaitingAt(POST_PAPER_INVOICE).variables().containsEntry(CHANNEL, Channels.POST);
        assertThat(task()).hasCandidateGroup(Groups.FINANCE_REVIEWER).hasDescription("print " + REQUEST);
        complete(task(), withVariables(COURIER, "SF", TRACKING_NUMBER, TRACKING));

        assertThat(delivery).isWaitingAt(AWAIT_RECEIPT).hasPassedInOrder(POST_PAPER_INVOICE, RECORD_POSTING);
        Assertions.assertThat(recordPosting.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
        Assertions.assertThat(recordPosting.lastSaw(COURIER)).isEqualTo("SF");
        Assertions.assertThat(recordPosting.lastSaw(TRACKING_NUMBER)).isEqualTo(TRACKING);
        Assertions.assertThat(recordReceipt.wasCalled()).as("not received yet").isFalse();

        runtimeService().createMessageCorrelation(DeliveryProcess.RECEIPT_MESSAGE)
                .processInstanceBusinessKey(String.valueOf(REQUEST)).setVariable(RECEIPT, Receipts.CUSTOMER).correlate();

        assertThat(delivery).isEnded().hasPassedInOrder(WHICH_CHANNEL, POST_PAPER_INVOICE, RECORD_POSTING,
                AWAIT_RECEIPT, RECEIPT_CONFIRMED, RECORD_RECEIPT, DELIVERED_BY_POST).hasNotPassed(RECEIPT_TIMED_OUT);
        Assertions.assertThat(recordReceipt.lastSaw(RECEIPT)).isEqualTo(Receipts.CUSTOMER);
        Assertions.assertThat(sendInvoiceMail.wasCalled()).isFalse();
    }

    @Test
    void unconfirmedPaperInvoiceCountsAsReceivedWhenTheConfiguredPeriodHasPassed() {
        ProcessInstance delivery = start(InvoiceType.SPECIAL, Channels.POST);
        complete(task(POST_PAPER_INVOICE, delivery), withVariables(COURIER, "EMS", TRACKING_NUMBER, TRACKING));

        Job timer = job(RECEIPT_TIMED_OUT, delivery);
        Assertions.assertThat(timer.getDuedate()).isEqualTo(NOW.toInstant().plus(Duration.ofDays(10)));
        execute(timer);

        assertThat(delivery).isEnded().hasPassedInOrder(AWAIT_RECEIPT, RECEIPT_TIMED_OUT, RECORD_RECEIPT, DELIVERED_BY_POST)
                .hasNotPassed(RECEIPT_CONFIRMED);
        Assertions.assertThat(recordReceipt.lastSaw(RECEIPT)).isEqualTo(Receipts.TIMEOUT);
        Assertions.assertThat(recordReceipt.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
    }

    @Test
    void aReceiptBeforeThePostingWasRecordedIsNotCorrelated() {
        start(InvoiceType.SPECIAL, Channels.POST);

        assertThatThrownBy(() -> runtimeService().createMessageCorrelation(DeliveryProcess.RECEIPT_MESSAGE)
                .processInstanceBusinessKey(String.valueOf(REQUEST)).correlate())
                .isInstanceOf(org.camunda.bpm.engine.MismatchingMessageCorrelationException.class);
    }

    @Test
    void postingTaskRendersTheDeployedPostingForm() throws IOException {
        start(InvoiceType.SPECIAL, Channels.POST);
        Task posting = taskQuery().initializeFormKeys().singleResult();

        Assertions.assertThat(posting.getCamundaFormRef().getKey()).isEqualTo(DeliveryProcess.POST_PAPER_INVOICE_FORM);
        try (InputStream form = formService().getDeployedTaskForm(posting.getId())) {
            JsonNode schema = new ObjectMapper().readTree(form);
            Assertions.assertThat(schema.path("id").asText()).isEqualTo(DeliveryProcess.POST_PAPER_INVOICE_FORM);
            Assertions.assertThat(schema.path("components").findValuesAsText("key")).contains(COURIER, TRACKING_NUMBER);
        }
    }

    @Test
    void mailServerOutageDelaysDeliveryByThirtySecondsAndLosesNothing() {
        sendInvoiceMail.failingTimes(1);
        ProcessInstance delivery = start(InvoiceType.NORMAL, Channels.EMAIL);

        Job firstAttempt = job(SEND_INVOICE_MAIL, delivery);
        assertThatThrownBy(() -> execute(firstAttempt)).hasMessageContaining("simulated outage");

        Job retry = job(SEND_INVOICE_MAIL, delivery);
        Assertions.assertThat(retry.getRetries()).isEqualTo(9);
        Assertions.assertThat(retry.getDuedate()).isEqualTo(NOW.toInstant().plus(Duration.ofSeconds(30)));
        Assertions.assertThat(runtimeService().createIncidentQuery().count()).isZero();

        execute(retry);

        assertThat(delivery).isEnded().hasPassed(DELIVERED_BY_MAIL);
        Assertions.assertThat(sendInvoiceMail.timesCalled()).isEqualTo(2);
    }

    private ProcessInstance start(InvoiceType invoiceType, String askedFor) {
        return runtimeService().startProcessInstanceByKey(DeliveryProcess.KEY, String.valueOf(REQUEST),
                withVariables(REQUEST_ID, REQUEST, INVOICE_TYPE, invoiceType.name(), DELIVERY, askedFor));
    }
}
