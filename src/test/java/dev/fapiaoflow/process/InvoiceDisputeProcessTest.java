package dev.fapiaoflow.process;

import static dev.fapiaoflow.dispute.DisputeProcess.Elements.*;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.ACTION;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.AGE_DAYS;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.CHANNEL;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.COMMENT;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.CORRECTION_METHOD;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.COURIER;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.DECISION;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.DISPUTE_ID;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.INVOICE_ID;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.INVOICE_KIND;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.INVOICE_TYPE;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.ISSUED_THIS_MONTH;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.POSTED;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.REASON;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.RECOMMENDATION;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.RECOMMENDATION_NOTE;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.REQUEST_ID;
import static dev.fapiaoflow.dispute.DisputeProcess.Vars.TRACKING_NUMBER;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.InputStream;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
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

import dev.fapiaoflow.dispute.DisputeConfig;
import dev.fapiaoflow.dispute.DisputeProcess;
import dev.fapiaoflow.dispute.DisputeProcess.Actions;
import dev.fapiaoflow.dispute.DisputeProcess.CorrectionMethods;
import dev.fapiaoflow.dispute.DisputeProcess.Decisions;
import dev.fapiaoflow.issuance.IssuanceProcess;
import dev.fapiaoflow.shared.Groups;

/**
 * bpmn/invoice-dispute.bpmn with the real recommendation table and the real invoice-issuance model it calls:
 * every action, the SLA timer, the void and red-letter corrections, and the 红字确认单 of special invoices.
 */
@Deployment(resources = { Models.INVOICE_DISPUTE, Models.INVOICE_ISSUANCE, Models.DISPUTE_RECOMMENDATION,
        Models.RESOLVE_DISPUTE_FORM, Models.APPROVE_RED_LETTER_FORM, Models.POST_PAPER_INVOICE_FORM })
class InvoiceDisputeProcessTest {

    @RegisterExtension
    // the called invoice-issuance is covered, platform path included, by InvoiceIssuanceProcessTest
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .excludeProcessDefinitionKeys(dev.fapiaoflow.issuance.IssuanceProcess.KEY).assertClassCoverageAtLeast(1.0).build();

    private static final long DISPUTE = 77L;
    private static final long INVOICE = 501L;
    private static final long REQUEST = 4711L;
    private static final Date NOW = new Date(1_790_000_000_000L);

    private FakeDelegate recordRecommendation;
    private FakeDelegate escalate;
    private FakeDelegate resend;
    private FakeDelegate markInProgress;
    private FakeDelegate recordRepost;
    private FakeDelegate reject;
    private FakeDelegate planCorrection;
    private FakeDelegate voidInvoice;
    private FakeDelegate issueRedLetter;
    private FakeDelegate refuseRedLetter;
    private FakeDelegate deliverCorrection;
    private FakeDelegate issueInvoice;

    @BeforeEach
    void fakeTheDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        recordRecommendation = FakeDelegate.registeredAs("recordRecommendationDelegate");
        escalate = FakeDelegate.registeredAs("escalateDisputeDelegate");
        resend = FakeDelegate.registeredAs("resendInvoiceDelegate");
        markInProgress = FakeDelegate.registeredAs("markInProgressDelegate");
        recordRepost = FakeDelegate.registeredAs("recordRepostDelegate");
        reject = FakeDelegate.registeredAs("rejectDisputeDelegate");
        planCorrection = FakeDelegate.registeredAs("planCorrectionDelegate")
                .settingVariables(Map.of(CORRECTION_METHOD, CorrectionMethods.RED_LETTER));
        voidInvoice = FakeDelegate.registeredAs("voidInvoiceDelegate");
        issueRedLetter = FakeDelegate.registeredAs("issueRedLetterDelegate");
        refuseRedLetter = FakeDelegate.registeredAs("refuseRedLetterDelegate");
        deliverCorrection = FakeDelegate.registeredAs("deliverCorrectionDelegate");
        issueInvoice = FakeDelegate.registeredAs("issueInvoiceDelegate");
        FakeDelegate.registeredAs("storeInvoiceDocumentsDelegate");
        Mocks.register("disputeConfig", new DisputeConfig("PT48H"));
    }

    @AfterEach
    void forgetTheDelegates() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    private static ProcessInstance start(String reason, String type, String channel, boolean posted) {
        return start(reason, type, null, channel, posted);
    }

    private static ProcessInstance start(String reason, String type, String wantedType, String channel, boolean posted) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DISPUTE_ID, DISPUTE);
        variables.put(INVOICE_ID, INVOICE);
        variables.put(REQUEST_ID, REQUEST);
        variables.put(REASON, reason);
        variables.put(INVOICE_TYPE, type);
        variables.put(DisputeProcess.Vars.WANTED_INVOICE_TYPE, wantedType);
        variables.put(INVOICE_KIND, "BLUE");
        variables.put(CHANNEL, channel);
        variables.put(AGE_DAYS, 3L);
        variables.put(POSTED, posted);
        variables.put(ISSUED_THIS_MONTH, false);
        return runtimeService().startProcessInstanceByKey(DisputeProcess.KEY, String.valueOf(REQUEST), variables);
    }

    private static ProcessInstance wrongTitle() {
        return start("WRONG_TITLE", "NORMAL", "EMAIL", false);
    }

    @Test
    void theRecommendationIsRecordedAndCustomerServiceGetsTheTaskWithItsForm() throws Exception {
        ProcessInstance dispute = wrongTitle();

        assertThat(dispute).isWaitingAt(RESOLVE_DISPUTE).hasPassedInOrder(DISPUTE_RAISED, RECOMMEND_ACTION, RECORD_RECOMMENDATION);
        assertThat(task(dispute)).hasCandidateGroup(Groups.CUSTOMER_SERVICE);
        Assertions.assertThat(recordRecommendation.lastSaw(RECOMMENDATION)).isEqualTo(Actions.CORRECT);
        Assertions.assertThat((String) recordRecommendation.lastSaw(RECOMMENDATION_NOTE)).contains("红冲");
        Assertions.assertThat(recordRecommendation.lastSaw(DISPUTE_ID)).isEqualTo(DISPUTE);
        Task resolve = taskQuery().initializeFormKeys().singleResult();
        Assertions.assertThat(resolve.getCamundaFormRef().getKey()).isEqualTo("resolve-dispute");
        try (InputStream form = formService().getDeployedTaskForm(resolve.getId())) {
            JsonNode schema = new ObjectMapper().readTree(form);
            Assertions.assertThat(schema.path("components").findValuesAsText("key")).contains(ACTION, COMMENT);
            Assertions.assertThat(schema.findValuesAsText("value")).contains(Actions.RESEND, Actions.CORRECT, Actions.REJECT, Actions.ESCALATE);
        }
    }

    @Test
    void resendMailsTheInvoiceAgainBehindAnAsyncContinuation() {
        ProcessInstance dispute = start("NOT_RECEIVED", "NORMAL", "EMAIL", false);
        complete(task(dispute), withVariables(ACTION, Actions.RESEND, COMMENT, "已重新发送"));

        assertThat(dispute).isWaitingAt(RESEND_INVOICE);
        Assertions.assertThat(resend.wasCalled()).isFalse();
        execute(job(RESEND_INVOICE, dispute));

        assertThat(dispute).isEnded().hasPassedInOrder(RESOLVE_DISPUTE, WHICH_ACTION, HOW_TO_RESEND, RESEND_INVOICE, RESENT)
                .hasNotPassed(POST_PAPER_INVOICE_AGAIN);
        Assertions.assertThat(resend.lastSaw(DISPUTE_ID)).isEqualTo(DISPUTE);
    }

    @Test
    void aLostPaperInvoiceIsPostedAgainByFinance() {
        ProcessInstance dispute = start("NOT_RECEIVED", "SPECIAL", "POST", true);
        Assertions.assertThat(recordRecommendation.lastSaw(RECOMMENDATION)).isEqualTo(Actions.RESEND);
        complete(task(dispute), withVariables(ACTION, Actions.RESEND, COMMENT, null));

        assertThat(dispute).isWaitingAt(POST_PAPER_INVOICE_AGAIN).hasPassed(MARK_IN_PROGRESS);
        assertThat(task(dispute)).hasCandidateGroup(Groups.FINANCE_REVIEWER);
        complete(task(dispute), withVariables(COURIER, "SF", TRACKING_NUMBER, "SF1234567890"));

        assertThat(dispute).isEnded().hasPassedInOrder(POST_PAPER_INVOICE_AGAIN, RECORD_REPOST, REPOSTED)
                .hasNotPassed(RESEND_INVOICE);
        Assertions.assertThat(recordRepost.lastSaw(TRACKING_NUMBER)).isEqualTo("SF1234567890");
        Assertions.assertThat(resend.wasCalled()).isFalse();
    }

    @Test
    void rejectingNeedsAReasonForTheCustomer() {
        ProcessInstance dispute = start("OTHER", "NORMAL", "EMAIL", false);
        Task resolve = task(dispute);

        assertThatThrownBy(() -> complete(resolve, withVariables(ACTION, Actions.REJECT, COMMENT, " ")))
                .hasMessageContaining("comment is required");
        assertThat(dispute).isWaitingAt(RESOLVE_DISPUTE);

        complete(resolve, withVariables(ACTION, Actions.REJECT, COMMENT, "发票无误"));
        assertThat(dispute).isEnded().hasPassedInOrder(WHICH_ACTION, REJECT_DISPUTE, REJECTED);
        Assertions.assertThat(reject.lastSaw(COMMENT)).isEqualTo("发票无误");
        Assertions.assertThat(reject.lastSaw("decidedBy")).as("the assignee, without an authenticated user").isEqualTo("system");
    }

    @Test
    void anActionTheTaskDoesNotOfferIsRefused() {
        ProcessInstance dispute = wrongTitle();

        assertThatThrownBy(() -> complete(task(dispute), withVariables(ACTION, "refund"))).hasMessageContaining("action must be one of");
        assertThat(dispute).isWaitingAt(RESOLVE_DISPUTE);
    }

    @Test
    void correctingANormalInvoiceIssuesTheRedLetterThenReissuesThroughIssuanceAndDelivers() {
        ProcessInstance dispute = wrongTitle();
        complete(task(dispute), withVariables(ACTION, Actions.CORRECT, COMMENT, null));

        assertThat(dispute).isWaitingAt(ISSUE_RED_LETTER).hasPassedInOrder(WHICH_ACTION, PLAN_CORRECTION, HOW_TO_CORRECT)
                .hasNotPassed(APPROVE_RED_LETTER);
        execute(job(ISSUE_RED_LETTER, dispute));

        assertThat(dispute).isWaitingAt(REISSUE_INVOICE);
        ProcessInstance issuance = calledProcessInstance(IssuanceProcess.KEY, dispute);
        issueAndStoreDocuments(issuance);
        Assertions.assertThat(issueInvoice.lastSaw(IssuanceProcess.REPLACES_INVOICE_ID)).isEqualTo(INVOICE);
        Assertions.assertThat(issueInvoice.lastSaw(IssuanceProcess.REQUEST_ID)).isEqualTo(REQUEST);
        Assertions.assertThat(issuance.getBusinessKey()).isEqualTo(String.valueOf(REQUEST));

        assertThat(dispute).isWaitingAt(DELIVER_CORRECTION);
        execute(job(DELIVER_CORRECTION, dispute));
        assertThat(dispute).isEnded().hasPassedInOrder(ISSUE_RED_LETTER, CORRECTION_JOIN, REISSUE_INVOICE,
                DELIVER_CORRECTION, CORRECTED).hasNotPassed(VOID_INVOICE);
        Assertions.assertThat(issueRedLetter.lastSaw(DISPUTE_ID)).isEqualTo(DISPUTE);
        Assertions.assertThat(deliverCorrection.timesCalled()).isEqualTo(1);
    }

    @Test
    void anUnpostedPaperInvoiceOfThisMonthIsVoidedInsteadOfRedLettered() {
        planCorrection.settingVariables(Map.of(CORRECTION_METHOD, CorrectionMethods.VOID));
        ProcessInstance dispute = start("WRONG_TAX_ID", "SPECIAL", "POST", false);
        complete(task(dispute), withVariables(ACTION, Actions.CORRECT, COMMENT, null));

        assertThat(dispute).isWaitingAt(REISSUE_INVOICE).hasPassedInOrder(PLAN_CORRECTION, HOW_TO_CORRECT, VOID_INVOICE, CORRECTION_JOIN)
                .hasNotPassed(APPROVE_RED_LETTER, ISSUE_RED_LETTER);
        issueAndStoreDocuments(calledProcessInstance(IssuanceProcess.KEY, dispute));
        execute(job(DELIVER_CORRECTION, dispute));
        assertThat(dispute).isEnded().hasPassed(CORRECTED);
        Assertions.assertThat(issueRedLetter.wasCalled()).isFalse();
    }

    @Test
    void aSpecialInvoiceIsRedLetteredOnlyAfterFinanceApprovesTheConfirmation() {
        ProcessInstance dispute = start("WRONG_TITLE", "SPECIAL", "EMAIL", false);
        complete(task(dispute), withVariables(ACTION, Actions.CORRECT, COMMENT, null));

        assertThat(dispute).isWaitingAt(APPROVE_RED_LETTER);
        assertThat(task(dispute)).hasCandidateGroup(Groups.FINANCE_REVIEWER);
        Assertions.assertThat(issueRedLetter.wasCalled()).isFalse();
        complete(task(dispute), withVariables(DECISION, Decisions.APPROVE, COMMENT, null));

        assertThat(dispute).isWaitingAt(ISSUE_RED_LETTER).hasPassedInOrder(APPROVE_RED_LETTER, RED_LETTER_APPROVED);
        execute(job(ISSUE_RED_LETTER, dispute));
        issueAndStoreDocuments(calledProcessInstance(IssuanceProcess.KEY, dispute));
        execute(job(DELIVER_CORRECTION, dispute));
        assertThat(dispute).isEnded().hasPassed(CORRECTED).hasNotPassed(REFUSE_RED_LETTER);
    }

    @Test
    void aNormalInvoiceWantedAsSpecialIsRedLetteredOnlyAfterFinanceApproves() {
        ProcessInstance dispute = start("WRONG_TYPE", "NORMAL", "SPECIAL", "EMAIL", false);
        complete(task(dispute), withVariables(ACTION, Actions.CORRECT, COMMENT, null));

        assertThat(dispute).isWaitingAt(APPROVE_RED_LETTER);
        Assertions.assertThat(issueRedLetter.wasCalled()).isFalse();
        complete(task(dispute), withVariables(DECISION, Decisions.APPROVE, COMMENT, null));

        execute(job(ISSUE_RED_LETTER, dispute));
        issueAndStoreDocuments(calledProcessInstance(IssuanceProcess.KEY, dispute));
        execute(job(DELIVER_CORRECTION, dispute));
        assertThat(dispute).isEnded().hasPassedInOrder(APPROVE_RED_LETTER, ISSUE_RED_LETTER, REISSUE_INVOICE, CORRECTED);
    }

    @Test
    void aSpecialInvoiceWantedAsNormalIsStillApprovedFirst() {
        ProcessInstance dispute = start("WRONG_TYPE", "SPECIAL", "NORMAL", "EMAIL", false);
        complete(task(dispute), withVariables(ACTION, Actions.CORRECT, COMMENT, null));

        assertThat(dispute).isWaitingAt(APPROVE_RED_LETTER);
    }

    @Test
    void aRefusedConfirmationGoesBackToCustomerServiceWithTheReason() {
        ProcessInstance dispute = start("WRONG_TITLE", "SPECIAL", "EMAIL", false);
        complete(task(dispute), withVariables(ACTION, Actions.CORRECT, COMMENT, null));
        Task approval = task(dispute);

        assertThatThrownBy(() -> complete(approval, withVariables(DECISION, Decisions.REFUSE, COMMENT, "")))
                .hasMessageContaining("comment is required");
        assertThatThrownBy(() -> complete(approval, withVariables(DECISION, "maybe", COMMENT, "x")))
                .hasMessageContaining("decision must be one of");
        complete(approval, withVariables(DECISION, Decisions.REFUSE, COMMENT, "购买方未确认红字信息"));

        assertThat(dispute).isWaitingAt(RESOLVE_DISPUTE).hasPassedInOrder(RED_LETTER_APPROVED, REFUSE_RED_LETTER);
        Assertions.assertThat(refuseRedLetter.lastSaw(COMMENT)).isEqualTo("购买方未确认红字信息");
        Assertions.assertThat(issueRedLetter.wasCalled()).isFalse();
    }

    @Test
    void afterTheSlaTheDisputeEscalatesToTheFinanceManagers() {
        ProcessInstance dispute = wrongTitle();

        Job sla = job(DISPUTE_OVERDUE, dispute);
        Assertions.assertThat(sla.getDuedate()).isEqualTo(NOW.toInstant().plus(Duration.ofHours(48)));
        execute(sla);

        assertThat(dispute).isWaitingAt(RESOLVE_ESCALATED_DISPUTE).hasPassedInOrder(DISPUTE_OVERDUE, ESCALATE_DISPUTE);
        assertThat(task(dispute)).hasCandidateGroup(Groups.FINANCE_MANAGER);
        Assertions.assertThat(taskQuery().taskDefinitionKey(RESOLVE_DISPUTE).count()).as("the SLA interrupts").isZero();
        Assertions.assertThat(escalate.lastSaw(DISPUTE_ID)).isEqualTo(DISPUTE);

        assertThatThrownBy(() -> complete(task(dispute), withVariables(ACTION, Actions.ESCALATE))).hasMessageContaining("action must be one of");
        complete(task(dispute), withVariables(ACTION, Actions.RESEND, COMMENT, null));
        execute(job(RESEND_INVOICE, dispute));
        assertThat(dispute).isEnded().hasPassed(RESENT);
    }

    @Test
    void customerServiceMayEscalateByHand() {
        ProcessInstance dispute = start("WRONG_AMOUNT", "NORMAL", "EMAIL", false);
        Assertions.assertThat(recordRecommendation.lastSaw(RECOMMENDATION)).isEqualTo(Actions.ESCALATE);
        complete(task(dispute), withVariables(ACTION, Actions.ESCALATE, COMMENT, "金额需财务核对"));

        assertThat(dispute).isWaitingAt(RESOLVE_ESCALATED_DISPUTE).hasPassedInOrder(WHICH_ACTION, ESCALATE_DISPUTE)
                .hasNotPassed(DISPUTE_OVERDUE);
        complete(task(dispute), withVariables(ACTION, Actions.REJECT, COMMENT, "金额与订单一致"));
        assertThat(dispute).isEnded().hasPassed(REJECTED);
    }

    @Test
    void aFailingRedLetterStepIsRetriedAndLosesNothing() {
        issueRedLetter.failingTimes(1);
        ProcessInstance dispute = wrongTitle();
        complete(task(dispute), withVariables(ACTION, Actions.CORRECT, COMMENT, null));

        assertThatThrownBy(() -> execute(job(ISSUE_RED_LETTER, dispute))).hasMessageContaining("simulated outage");
        Job retry = job(ISSUE_RED_LETTER, dispute);
        Assertions.assertThat(retry.getRetries()).isEqualTo(4);
        execute(retry);
        assertThat(dispute).isWaitingAt(REISSUE_INVOICE);
    }

    /** the called issuance's one job: numbering (committed on its own), then the documents (ADR 0011) */
    private static void issueAndStoreDocuments(ProcessInstance issuance) {
        execute(job(IssuanceProcess.ISSUE_INVOICES, issuance));
        assertThat(issuance).isEnded().hasPassedInOrder(IssuanceProcess.ISSUE_INVOICES, IssuanceProcess.STORE_DOCUMENTS);
    }
}
