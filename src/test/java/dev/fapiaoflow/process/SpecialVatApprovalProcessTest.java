package dev.fapiaoflow.process;

import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.APPROVAL_REQUESTED;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.APPROVED;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.ASK_FOR_MORE_INFO;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.ASSESS_RISK;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.AWAIT_SUPPLEMENT;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.CANCELLED;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.CUSTOMER_SUPPLEMENT;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.DECIDE_FOUR_EYES;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.HAND_TO_MANAGERS;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.MARK_IN_REVIEW;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.NOTIFY_CANCELLATION;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.NOTIFY_MANAGERS;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.NOTIFY_REJECTION;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.REJECTED;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.REVIEW_DECISION;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.REVIEW_ESCALATED;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.REVIEW_OVERDUE;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.REVIEW_SPECIAL_VAT;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.SECOND_APPROVAL;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.SECOND_DECISION;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Elements.SUPPLEMENT_OVERDUE;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.APPROVAL_OUTCOME;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.COMMENT;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.DECISION;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.FIRST_APPROVER;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.NOTICE;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.REJECTION_REASON;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.REQUEST_ID;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.RISK_HINTS;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.SECOND_APPROVAL_NEEDED;
import static dev.fapiaoflow.review.SpecialVatApprovalProcess.Vars.TOTAL_AMOUNT_FEN;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
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

import dev.fapiaoflow.review.ReviewConfig;
import dev.fapiaoflow.review.ReviewRefused;
import dev.fapiaoflow.review.SpecialVatApprovalProcess;
import dev.fapiaoflow.review.SpecialVatApprovalProcess.Decisions;
import dev.fapiaoflow.review.SpecialVatApprovalProcess.Forms;
import dev.fapiaoflow.review.SpecialVatApprovalProcess.Messages;
import dev.fapiaoflow.review.SpecialVatApprovalProcess.Outcomes;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.taskform.VariableWriteRefused;

/**
 * special-vat-approval alone, with the real four-eyes table, forms, task listeners and working-day clock; only the
 * Spring delegate beans are faked. Timers fire when the test executes their jobs, at a clock the test sets.
 */
@Deployment(resources = { Models.SPECIAL_VAT_APPROVAL, Models.FOUR_EYES, Models.REVIEW_SPECIAL_VAT_FORM,
        Models.SECOND_APPROVAL_FORM })
class SpecialVatApprovalProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private static final long REQUEST = 4711L;
    private static final long BELOW_FOUR_EYES_FEN = 59_970_00L;
    private static final long ABOVE_FOUR_EYES_FEN = 150_000_00L;
    private static final String HINTS = "该客户首次申请 First request of this customer";
    private static final String REASON = "开户行信息与税务登记不一致";
    /** a Friday morning in Beijing: two working days later is the Tuesday */
    private static final ZonedDateTime FRIDAY = ZonedDateTime.parse("2026-11-20T10:00:00+08:00[Asia/Shanghai]");

    private FakeDelegate markInReview;
    private FakeDelegate assessRisk;
    private FakeDelegate notifyManagers;
    private FakeDelegate customerNotice;
    private FakeDelegate askForMoreInfo;
    private StoredTotals storedTotals;

    @BeforeEach
    void fakeTheDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(FRIDAY.toInstant()));
        Mocks.register("reviewConfig", new ReviewConfig(2, "P7D"));
        markInReview = FakeDelegate.registeredAs("markInReviewDelegate");
        assessRisk = FakeDelegate.registeredAs("assessRiskDelegate").settingVariables(Map.of(RISK_HINTS, HINTS));
        notifyManagers = FakeDelegate.registeredAs("notifyFinanceManagersDelegate");
        customerNotice = FakeDelegate.registeredAs("customerNoticeDelegate");
        askForMoreInfo = FakeDelegate.registeredAs("askForMoreInfoDelegate");
        storedTotals = StoredTotals.registered();
    }

    @AfterEach
    void forgetTheDelegates() {
        identityService().clearAuthentication();
        ClockUtil.reset();
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void approvalBelowTheFourEyesThresholdNeedsOneReviewer() {
        ProcessInstance approval = start(BELOW_FOUR_EYES_FEN);

        assertThat(approval).isWaitingAt(REVIEW_SPECIAL_VAT);
        assertThat(openTask()).hasCandidateGroup(Groups.FINANCE_REVIEWER);
        assertThat(approval).variables().containsEntry(RISK_HINTS, HINTS);
        Assertions.assertThat(markInReview.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
        decideAs("reviewer", Decisions.APPROVE, null);

        assertThat(approval).isEnded().hasPassedInOrder(APPROVAL_REQUESTED, MARK_IN_REVIEW, ASSESS_RISK,
                REVIEW_SPECIAL_VAT, REVIEW_DECISION, DECIDE_FOUR_EYES, APPROVED).hasNotPassed(SECOND_APPROVAL);
        assertThat(approval).variables().containsEntry(APPROVAL_OUTCOME, Outcomes.APPROVED)
                .containsEntry(SECOND_APPROVAL_NEEDED, false).containsEntry(FIRST_APPROVER, "reviewer");
        Assertions.assertThat(customerNotice.wasCalled()).isFalse();
    }

    @Test
    void largeAmountIsApprovedOnlyAfterADifferentManagerApprovesToo() {
        ProcessInstance approval = start(ABOVE_FOUR_EYES_FEN);
        decideAs("reviewer", Decisions.APPROVE, null);

        assertThat(approval).isWaitingAt(SECOND_APPROVAL);
        assertThat(openTask()).hasCandidateGroup(Groups.FINANCE_MANAGER);
        decideAs("manager", Decisions.APPROVE, null);

        assertThat(approval).isEnded().hasPassedInOrder(REVIEW_SPECIAL_VAT, DECIDE_FOUR_EYES, SECOND_APPROVAL,
                SECOND_DECISION, APPROVED);
        assertThat(approval).variables().containsEntry(APPROVAL_OUTCOME, Outcomes.APPROVED);
    }

    @Test
    void theFirstApproverCannotGiveTheSecondApprovalNeitherByClaimNorByCompleting() {
        ProcessInstance approval = start(ABOVE_FOUR_EYES_FEN);
        decideAs("manager", Decisions.APPROVE, null); // managers are reviewers too
        Task second = openTask();

        assertThatThrownBy(() -> taskService().claim(second.getId(), "manager")).isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(ReviewRefused.class)
                .hasMessageContaining("four-eyes");
        assertThatThrownBy(() -> decideAs("manager", Decisions.APPROVE, null)).isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(ReviewRefused.class);

        assertThat(approval).isWaitingAt(SECOND_APPROVAL);
        assertThat(openTask()).isNotAssigned();
        taskService().claim(second.getId(), "manager2");
        decideAs("manager2", Decisions.APPROVE, null);
        assertThat(approval).isEnded().hasPassed(APPROVED);
    }

    @Test
    void aCompletionWithAVariableTheFormDoesNotDeclareIsRefusedAndChangesNothing() {
        ProcessInstance approval = start(ABOVE_FOUR_EYES_FEN);

        assertThatThrownBy(() -> completeAs("reviewer", Map.of(DECISION, Decisions.APPROVE, TOTAL_AMOUNT_FEN, 100L)))
                .isInstanceOf(VariableWriteRefused.class)
                .hasMessage("task ReviewSpecialVat accepts only the fields of its form review-special-vat [decision, comment]: "
                        + "totalAmountFen is not one of them");
        assertThatThrownBy(() -> completeAs("reviewer", Map.of(DECISION, true)))
                .isInstanceOf(VariableWriteRefused.class).hasMessageStartingWith("decision must be a text, was Boolean");

        assertThat(approval).isWaitingAt(REVIEW_SPECIAL_VAT).variables().containsEntry(TOTAL_AMOUNT_FEN, ABOVE_FOUR_EYES_FEN)
                .doesNotContainKey(DECISION);
    }

    @Test
    void aReviewerCannotSetOrRemoveProcessVariablesThroughTheOpenTask() {
        ProcessInstance approval = start(ABOVE_FOUR_EYES_FEN);
        String task = openTask().getId();
        identityService().setAuthentication("reviewer", java.util.List.of(Groups.FINANCE_REVIEWER));
        try {
            assertThatThrownBy(() -> taskService().setVariable(task, TOTAL_AMOUNT_FEN, 100L)).isInstanceOf(VariableWriteRefused.class);
            assertThatThrownBy(() -> taskService().setVariableLocal(task, DECISION, Decisions.APPROVE + "!"))
                    .isInstanceOf(VariableWriteRefused.class).hasMessageContaining("must be one of");
            assertThatThrownBy(() -> taskService().removeVariable(task, REQUEST_ID)).isInstanceOf(VariableWriteRefused.class);
            assertThatThrownBy(() -> runtimeService().setVariable(approval.getId(), TOTAL_AMOUNT_FEN, 100L))
                    .isInstanceOf(VariableWriteRefused.class).hasMessageContaining("process-owner");
        } finally {
            identityService().clearAuthentication();
        }

        assertThat(approval).variables().containsEntry(TOTAL_AMOUNT_FEN, ABOVE_FOUR_EYES_FEN).containsEntry(REQUEST_ID, REQUEST);
    }

    @Test
    void theFourEyesDecisionReadsTheStoredTotalNotTheProcessVariable() {
        ProcessInstance approval = start(ABOVE_FOUR_EYES_FEN);
        setAsProcessOwner(approval, TOTAL_AMOUNT_FEN, 100L); // a process owner may; the decision must not follow it

        decideAs("reviewer", Decisions.APPROVE, null);

        assertThat(approval).isWaitingAt(SECOND_APPROVAL).variables().containsEntry(SECOND_APPROVAL_NEEDED, true);
    }

    @Test
    void theFirstApproverIsKnownFromHistoryEvenWhenTheVariableIsForged() {
        ProcessInstance approval = start(ABOVE_FOUR_EYES_FEN);
        decideAs("manager", Decisions.APPROVE, null);
        setAsProcessOwner(approval, FIRST_APPROVER, "someone-else");
        Task second = openTask();

        assertThatThrownBy(() -> decideAs("manager", Decisions.APPROVE, null)).isInstanceOf(ProcessEngineException.class)
                .hasRootCauseInstanceOf(ReviewRefused.class).hasMessageContaining("manager already approved");
        assertThatThrownBy(() -> taskService().claim(second.getId(), "manager")).hasRootCauseInstanceOf(ReviewRefused.class);

        assertThat(approval).isWaitingAt(SECOND_APPROVAL);
    }

    @Test
    void secondApproverMayRejectWithAReason() {
        ProcessInstance approval = start(ABOVE_FOUR_EYES_FEN);
        decideAs("reviewer", Decisions.APPROVE, null);
        decideAs("manager", Decisions.REJECT, REASON);

        assertThat(approval).isEnded().hasPassedInOrder(SECOND_APPROVAL, SECOND_DECISION, NOTIFY_REJECTION, REJECTED);
        assertThat(approval).variables().containsEntry(APPROVAL_OUTCOME, Outcomes.REJECTED)
                .containsEntry(REJECTION_REASON, REASON);
    }

    @Test
    void rejectionEndsWithTheCommentAsReasonAndTheCustomerIsNotified() {
        ProcessInstance approval = start(BELOW_FOUR_EYES_FEN);
        decideAs("reviewer", Decisions.REJECT, REASON);

        assertThat(approval).isEnded().hasPassedInOrder(REVIEW_SPECIAL_VAT, REVIEW_DECISION, NOTIFY_REJECTION, REJECTED)
                .hasNotPassed(DECIDE_FOUR_EYES);
        assertThat(approval).variables().containsEntry(APPROVAL_OUTCOME, Outcomes.REJECTED)
                .containsEntry(REJECTION_REASON, REASON);
        Assertions.assertThat(customerNotice.lastSaw(NOTICE)).isEqualTo(Outcomes.REJECTED);
    }

    @Test
    void rejectOrMoreInfoWithoutACommentAndUnknownDecisionsAreRefusedAndTheTaskStaysOpen() {
        ProcessInstance approval = start(BELOW_FOUR_EYES_FEN);

        assertThatThrownBy(() -> decideAs("reviewer", Decisions.REJECT, null)).isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(ReviewRefused.class)
                .hasMessageContaining(COMMENT);
        assertThatThrownBy(() -> decideAs("reviewer", Decisions.MORE_INFO, "  ")).isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(ReviewRefused.class)
                .hasMessageContaining(COMMENT);
        // a value the form does not offer: refused by the task form policy before the task listener would
        assertThatThrownBy(() -> decideAs("reviewer", "maybe", null)).isInstanceOf(VariableWriteRefused.class)
                .hasMessageContaining(DECISION);

        assertThat(approval).isWaitingAt(REVIEW_SPECIAL_VAT);
        Assertions.assertThat(customerNotice.wasCalled()).isFalse();
        Assertions.assertThat(askForMoreInfo.wasCalled()).isFalse();
    }

    @Test
    void moreInfoWaitsForTheCustomersSupplementThenGoesBackToReview() {
        ProcessInstance approval = start(BELOW_FOUR_EYES_FEN);
        decideAs("reviewer", Decisions.MORE_INFO, "请补充开户行及账号");

        assertThat(approval).isWaitingAt(AWAIT_SUPPLEMENT);
        Assertions.assertThat(askForMoreInfo.lastSaw(COMMENT)).isEqualTo("请补充开户行及账号");
        runtimeService().createMessageCorrelation(Messages.CUSTOMER_SUPPLEMENT)
                .processInstanceBusinessKey(String.valueOf(REQUEST)).correlate();

        assertThat(approval).isWaitingAt(REVIEW_SPECIAL_VAT);
        Assertions.assertThat(markInReview.timesCalled()).as("IN_REVIEW again").isEqualTo(2);
        Assertions.assertThat(assessRisk.timesCalled()).as("hints again, on the new details").isEqualTo(2);
        decideAs("reviewer", Decisions.APPROVE, null);
        assertThat(approval).isEnded().hasPassedInOrder(ASK_FOR_MORE_INFO, AWAIT_SUPPLEMENT, CUSTOMER_SUPPLEMENT,
                MARK_IN_REVIEW, ASSESS_RISK, REVIEW_SPECIAL_VAT, APPROVED).hasNotPassed(NOTIFY_CANCELLATION);
    }

    @Test
    void noSupplementWithinSevenDaysCancelsWithANotice() {
        ProcessInstance approval = start(BELOW_FOUR_EYES_FEN);
        decideAs("reviewer", Decisions.MORE_INFO, "请补充开户行及账号");

        Job overdue = job(SUPPLEMENT_OVERDUE, approval);
        Assertions.assertThat(overdue.getDuedate()).isEqualTo(Date.from(FRIDAY.plusDays(7).toInstant()));
        execute(overdue);

        assertThat(approval).isEnded().hasPassedInOrder(AWAIT_SUPPLEMENT, SUPPLEMENT_OVERDUE, NOTIFY_CANCELLATION,
                CANCELLED).hasNotPassed(CUSTOMER_SUPPLEMENT);
        assertThat(approval).variables().containsEntry(APPROVAL_OUTCOME, Outcomes.CANCELLED)
                .hasEntrySatisfying(REJECTION_REASON, reason -> Assertions.assertThat((String) reason).contains("补充资料"));
        Assertions.assertThat(customerNotice.lastSaw(NOTICE)).isEqualTo(Outcomes.CANCELLED);
    }

    @Test
    void reviewOpenForTwoWorkingDaysIsHandedToFinanceManagersAndStaysOpen() {
        ProcessInstance approval = start(BELOW_FOUR_EYES_FEN);

        Job overdue = job(REVIEW_OVERDUE, approval);
        Assertions.assertThat(overdue.getDuedate()).as("Friday + 2 working days = Tuesday, same hour")
                .isEqualTo(Date.from(FRIDAY.plusDays(4).toInstant()));
        ClockUtil.setCurrentTime(overdue.getDuedate());
        execute(overdue);

        assertThat(approval).isWaitingAt(REVIEW_SPECIAL_VAT).hasPassedInOrder(REVIEW_OVERDUE, HAND_TO_MANAGERS,
                NOTIFY_MANAGERS, REVIEW_ESCALATED);
        assertThat(openTask()).hasCandidateGroup(Groups.FINANCE_REVIEWER).hasCandidateGroup(Groups.FINANCE_MANAGER);
        Assertions.assertThat(notifyManagers.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
        Assertions.assertThat(Duration.between(FRIDAY.toInstant(), overdue.getDuedate().toInstant())).isEqualTo(Duration.ofDays(4));
    }

    @Test
    void tasksRenderTheirDeployedForms() throws IOException {
        start(ABOVE_FOUR_EYES_FEN);
        Assertions.assertThat(formOfTheOpenTask()).isEqualTo(Forms.REVIEW_SPECIAL_VAT);
        Assertions.assertThat(formFieldValues()).contains(Decisions.APPROVE, Decisions.REJECT, Decisions.MORE_INFO);

        decideAs("reviewer", Decisions.APPROVE, null);
        Assertions.assertThat(formOfTheOpenTask()).isEqualTo(Forms.SECOND_APPROVAL);
        Assertions.assertThat(formFieldValues()).contains(Decisions.APPROVE, Decisions.REJECT)
                .doesNotContain(Decisions.MORE_INFO);
    }

    private static Task openTask() {
        return taskQuery().singleResult();
    }

    private String formOfTheOpenTask() {
        return taskQuery().initializeFormKeys().singleResult().getCamundaFormRef().getKey();
    }

    private java.util.List<String> formFieldValues() throws IOException {
        try (InputStream form = formService().getDeployedTaskForm(openTask().getId())) {
            JsonNode schema = new ObjectMapper().readTree(form);
            Assertions.assertThat(schema.path("components").findValuesAsText("key")).contains(DECISION, COMMENT);
            return schema.path("components").findValuesAsText("value");
        }
    }

    /** invoice-request calls the approval with the request id as business key; the request is stored with this total */
    private ProcessInstance start(long totalFen) {
        storedTotals.storing(REQUEST, totalFen);
        return runtimeService().startProcessInstanceByKey(SpecialVatApprovalProcess.KEY, String.valueOf(REQUEST),
                withVariables(REQUEST_ID, REQUEST, TOTAL_AMOUNT_FEN, totalFen));
    }

    /** completes the one open task as a logged-in user, the way Tasklist and /engine-rest do */
    private void decideAs(String user, String decision, String comment) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(DECISION, decision);
        if (comment != null) {
            variables.put(COMMENT, comment);
        }
        completeAs(user, variables);
    }

    private void completeAs(String user, Map<String, Object> variables) {
        identityService().setAuthenticatedUserId(user);
        try {
            taskService().complete(openTask().getId(), variables);
        } finally {
            identityService().clearAuthentication();
        }
    }

    /** a process owner changes a process variable directly, as Cockpit lets them */
    private static void setAsProcessOwner(ProcessInstance approval, String variable, Object value) {
        identityService().setAuthentication("owner", java.util.List.of(Groups.PROCESS_OWNER));
        try {
            runtimeService().setVariable(approval.getId(), variable, value);
        } finally {
            identityService().clearAuthentication();
        }
    }
}
