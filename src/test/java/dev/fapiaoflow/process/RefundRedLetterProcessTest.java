package dev.fapiaoflow.process;

import static dev.fapiaoflow.dispute.DisputeProcess.Elements.CONFIRM_REFUND_RED_LETTER;
import static dev.fapiaoflow.dispute.DisputeProcess.Elements.DELIVER_REFUND_RED_LETTER;
import static dev.fapiaoflow.dispute.DisputeProcess.Elements.ISSUE_REFUND_RED_LETTER;
import static dev.fapiaoflow.dispute.DisputeProcess.Elements.RECORD_REFUND_REFUSAL;
import static dev.fapiaoflow.dispute.DisputeProcess.Elements.REFUND_CONFIRMED;
import static dev.fapiaoflow.dispute.DisputeProcess.Elements.REFUND_RED_LETTER_ISSUED;
import static dev.fapiaoflow.dispute.DisputeProcess.Elements.REFUND_RED_LETTER_REFUSED;
import static dev.fapiaoflow.dispute.DisputeProcess.Elements.REFUND_REPORTED;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.COMMENT;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.DECISION;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.REFUND_ID;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.REQUEST_ID;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.fapiaoflow.dispute.DisputeProcess;
import dev.fapiaoflow.dispute.DisputeProcess.Decisions;
import dev.fapiaoflow.shared.Groups;

/** bpmn/refund-red-letter.bpmn: finance confirms, then the red-letter invoice is issued and mailed; or refuses. */
@Deployment(resources = { Models.REFUND_RED_LETTER, Models.CONFIRM_REFUND_RED_LETTER_FORM })
class RefundRedLetterProcessTest extends SingleTaskProcessTest {

    private static final long REFUND = 9L;
    private static final long REQUEST = 4711L;

    private FakeDelegate deliver;
    private FakeDelegate refuse;

    @Override
    String delegateBean() {
        return "issueRefundRedLetterDelegate";
    }

    @BeforeEach
    void fakeTheOtherDelegates() {
        deliver = FakeDelegate.registeredAs("deliverRefundRedLetterDelegate");
        refuse = FakeDelegate.registeredAs("recordRefundRefusalDelegate");
    }

    private static ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(DisputeProcess.REFUND_KEY, String.valueOf(REQUEST),
                Map.of(REFUND_ID, REFUND, REQUEST_ID, REQUEST, "orderNo", "SO-2026-0001", "refundAmount", "500.00"));
    }

    @Test
    void aConfirmedRefundIsRedLetteredAndMailedBehindAsyncContinuations() {
        ProcessInstance refund = start();

        assertThat(refund).isWaitingAt(CONFIRM_REFUND_RED_LETTER);
        assertThat(task(refund)).hasCandidateGroup(Groups.FINANCE_REVIEWER);
        complete(task(refund), withVariables(DECISION, Decisions.APPROVE));

        assertThat(refund).isWaitingAt(ISSUE_REFUND_RED_LETTER);
        Assertions.assertThat(delegate.wasCalled()).isFalse();
        execute(job(ISSUE_REFUND_RED_LETTER, refund));
        execute(job(DELIVER_REFUND_RED_LETTER, refund));

        assertThat(refund).isEnded().hasPassedInOrder(REFUND_REPORTED, CONFIRM_REFUND_RED_LETTER, REFUND_CONFIRMED,
                ISSUE_REFUND_RED_LETTER, DELIVER_REFUND_RED_LETTER, REFUND_RED_LETTER_ISSUED).hasNotPassed(RECORD_REFUND_REFUSAL);
        Assertions.assertThat(delegate.lastSaw(REFUND_ID)).isEqualTo(REFUND);
        Assertions.assertThat(deliver.lastSaw(REFUND_ID)).isEqualTo(REFUND);
    }

    @Test
    void refusingNeedsAReasonAndIssuesNothing() {
        ProcessInstance refund = start();

        assertThatThrownBy(() -> complete(task(refund), withVariables(DECISION, Decisions.REFUSE)))
                .hasMessageContaining("comment is required");
        complete(task(refund), withVariables(DECISION, Decisions.REFUSE, COMMENT, "退款不涉及已开票部分"));

        assertThat(refund).isEnded().hasPassedInOrder(REFUND_CONFIRMED, RECORD_REFUND_REFUSAL, REFUND_RED_LETTER_REFUSED);
        Assertions.assertThat(refuse.lastSaw(COMMENT)).isEqualTo("退款不涉及已开票部分");
        Assertions.assertThat(delegate.wasCalled()).isFalse();
    }

    @Test
    void aFailingRedLetterStepIsRetried() {
        delegate.failingTimes(1);
        ProcessInstance refund = start();
        complete(task(refund), withVariables(DECISION, Decisions.APPROVE));

        assertThatThrownBy(() -> execute(job(ISSUE_REFUND_RED_LETTER, refund))).hasMessageContaining("simulated outage");
        Job retry = job(ISSUE_REFUND_RED_LETTER, refund);
        Assertions.assertThat(retry.getRetries()).isEqualTo(4);
        execute(retry);
        assertThat(refund).isWaitingAt(DELIVER_REFUND_RED_LETTER);
    }
}
