package dev.fapiaoflow.process;

import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.DECIDE_INVOICE_TYPE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.DECIDE_REVIEW_ROUTE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.DELIVER_INVOICE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.ISSUE_INVOICE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.IS_APPROVED;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.IS_ELIGIBLE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.IS_REVIEW_NEEDED;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.MARK_IN_REVIEW;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.READY_TO_ISSUE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.REJECT_INELIGIBLE_REQUEST;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.REJECT_INVALID_REQUEST;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.REJECT_REVIEWED_REQUEST;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.REQUEST_DELIVERED;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.REQUEST_INELIGIBLE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.REQUEST_INVALID;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.REQUEST_RECEIVED;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.REQUEST_REJECTED;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.REQUEST_REJECTED_BY_REVIEWER;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.REVIEW_SPECIAL_VAT;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.VALIDATE_REQUEST;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.COMMENT;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.DECISION;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.ELIGIBLE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.INELIGIBLE_REASON;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.REJECTION_REASON;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.REQUEST_ID;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.REVIEW_GROUP;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.REVIEW_NEEDED;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
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

import dev.fapiaoflow.delivery.DeliveryProcess;
import dev.fapiaoflow.issuance.IssuanceProcess;
import dev.fapiaoflow.request.InvoiceRequestProcess;
import dev.fapiaoflow.request.InvoiceRequestProcess.Errors;
import dev.fapiaoflow.request.InvoiceRequestProcess.Forms;
import dev.fapiaoflow.request.InvoiceRequestProcess.ReviewDecisions;
import dev.fapiaoflow.security.Groups;

/**
 * invoice-request end to end, with the called issuance and delivery processes and the real decision tables; only
 * the delegate beans are faked. Jobs are executed by hand, in the order the job executor would pick them up.
 */
@Deployment(resources = {
        Models.INVOICE_REQUEST, Models.INVOICE_ISSUANCE, Models.INVOICE_DELIVERY,
        Models.INVOICE_TYPE_ELIGIBILITY, Models.REVIEW_ROUTING, Models.DELIVERY_CHANNEL,
        Models.REVIEW_SPECIAL_VAT_FORM, Models.POST_PAPER_INVOICE_FORM })
class InvoiceRequestProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0).build();

    private static final long REQUEST = 4711L;
    private static final String INVALID_ORDER = "订单 SO-2026-0001 已开过发票";
    private static final String REVIEWER_COMMENT = "税号与营业执照不一致，请核对后重新提交";

    private FakeDelegate validateRequest;
    private FakeDelegate rejectRequest;
    private FakeDelegate markInReview;
    private FakeDelegate issueInvoice;
    private FakeDelegate sendInvoiceMail;
    private FakeDelegate recordPosting;

    @BeforeEach
    void fakeTheDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        validateRequest = FakeDelegate.registeredAs("validateRequestDelegate");
        rejectRequest = FakeDelegate.registeredAs("rejectRequestDelegate");
        markInReview = FakeDelegate.registeredAs("markInReviewDelegate");
        issueInvoice = FakeDelegate.registeredAs("issueInvoiceDelegate");
        sendInvoiceMail = FakeDelegate.registeredAs("sendInvoiceMailDelegate")
                .settingVariables(java.util.Map.of(DeliveryProcess.Vars.MAIL_OUTCOME, "SENT"));
        recordPosting = FakeDelegate.registeredAs("recordPostingDelegate");
    }

    @AfterEach
    void forgetTheDelegates() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void normalRequestGoesStraightThroughToDelivery() {
        validateRequest.settingVariables(RequestFacts.normalInvoiceForLearner().asVariables());

        ProcessInstance request = receive();

        issueTheInvoices(request);
        mailTheInvoice(request);

        assertThat(request).isEnded().hasPassedInOrder(REQUEST_RECEIVED, VALIDATE_REQUEST, DECIDE_INVOICE_TYPE,
                IS_ELIGIBLE, DECIDE_REVIEW_ROUTE, IS_REVIEW_NEEDED, READY_TO_ISSUE, ISSUE_INVOICE, DELIVER_INVOICE,
                REQUEST_DELIVERED);
        assertThat(request).hasNotPassed(MARK_IN_REVIEW, REVIEW_SPECIAL_VAT);
        assertThat(request).variables().containsEntry(ELIGIBLE, true).containsEntry(REVIEW_NEEDED, false);
        Assertions.assertThat(issueInvoice.lastSaw(IssuanceProcess.REQUEST_ID)).isEqualTo(REQUEST);
        Assertions.assertThat(sendInvoiceMail.lastSaw(DeliveryProcess.Vars.REQUEST_ID)).isEqualTo(REQUEST);
        Assertions.assertThat(rejectRequest.wasCalled()).isFalse();
    }

    @Test
    void withoutAMailServerTheRequestEndsIssuedWithItsMailHeldInTheOutbox() {
        validateRequest.settingVariables(RequestFacts.normalInvoiceForLearner().asVariables());
        sendInvoiceMail.settingVariables(java.util.Map.of(DeliveryProcess.Vars.MAIL_OUTCOME, "HELD"));

        ProcessInstance request = receive();
        issueTheInvoices(request);
        assertThat(request).isWaitingAt(DELIVER_INVOICE);
        execute(job(DeliveryProcess.Elements.SEND_INVOICE_MAIL, calledProcessInstance(DeliveryProcess.KEY)));

        assertThat(request).isEnded().hasPassedInOrder(DELIVER_INVOICE, InvoiceRequestProcess.Elements.WAS_DELIVERED,
                InvoiceRequestProcess.Elements.REQUEST_HELD_IN_OUTBOX).hasNotPassed(REQUEST_DELIVERED);
    }

    @Test
    void invalidRequestIsRejectedWithTheValidationReason() {
        validateRequest.throwingBpmnError(Errors.REQUEST_INVALID, INVALID_ORDER);

        ProcessInstance request = receive();

        assertThat(request).isEnded()
                .hasPassedInOrder(VALIDATE_REQUEST, REQUEST_INVALID, REJECT_INVALID_REQUEST, REQUEST_REJECTED);
        assertThat(request).hasNotPassed(DECIDE_INVOICE_TYPE);
        Assertions.assertThat(rejectRequest.lastSaw(REJECTION_REASON)).isEqualTo(INVALID_ORDER);
        Assertions.assertThat(rejectRequest.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
    }

    @Test
    void personalBuyerAskingForSpecialIsRejectedWithTheEligibilityReason() {
        validateRequest.settingVariables(RequestFacts.specialInvoiceForLearner().asVariables());

        ProcessInstance request = receive();

        assertThat(request).isEnded().hasPassedInOrder(DECIDE_INVOICE_TYPE, IS_ELIGIBLE, REJECT_INELIGIBLE_REQUEST,
                REQUEST_INELIGIBLE);
        assertThat(request).hasNotPassed(DECIDE_REVIEW_ROUTE, ISSUE_INVOICE);
        assertThat(request).variables().containsEntry(ELIGIBLE, false)
                .containsEntry(INELIGIBLE_REASON, "个人不能开具增值税专用发票");
        Assertions.assertThat(rejectRequest.lastSaw(REJECTION_REASON)).isEqualTo("个人不能开具增值税专用发票");
        Assertions.assertThat(issueInvoice.wasCalled()).isFalse();
    }

    @Test
    void specialRequestWaitsForFinanceReviewThenIsIssuedAndDelivered() {
        validateRequest.settingVariables(RequestFacts.specialInvoiceForGeneralTaxpayer().asVariables());

        ProcessInstance request = receive();

        assertThat(request).isWaitingAt(REVIEW_SPECIAL_VAT);
        assertThat(request).variables().containsEntry(REVIEW_NEEDED, true)
                .containsEntry(REVIEW_GROUP, Groups.FINANCE_REVIEWER);
        assertThat(task()).hasCandidateGroup(Groups.FINANCE_REVIEWER);
        Assertions.assertThat(markInReview.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
        Assertions.assertThat(issueInvoice.wasCalled()).as("nothing issued before approval").isFalse();

        complete(task(), withVariables(DECISION, ReviewDecisions.APPROVE));
        issueTheInvoices(request);
        mailTheInvoice(request);

        assertThat(request).isEnded().hasPassedInOrder(IS_REVIEW_NEEDED, MARK_IN_REVIEW, REVIEW_SPECIAL_VAT,
                IS_APPROVED, READY_TO_ISSUE, ISSUE_INVOICE, DELIVER_INVOICE, REQUEST_DELIVERED);
        Assertions.assertThat(rejectRequest.wasCalled()).isFalse();
    }

    @Test
    void specialRequestRejectedByTheReviewerEndsWithTheReviewersComment() {
        validateRequest.settingVariables(RequestFacts.specialInvoiceForGeneralTaxpayer().asVariables());
        ProcessInstance request = receive();

        complete(task(), withVariables(DECISION, ReviewDecisions.REJECT, COMMENT, REVIEWER_COMMENT));

        assertThat(request).isEnded().hasPassedInOrder(REVIEW_SPECIAL_VAT, IS_APPROVED, REJECT_REVIEWED_REQUEST,
                REQUEST_REJECTED_BY_REVIEWER);
        assertThat(request).hasNotPassed(READY_TO_ISSUE, ISSUE_INVOICE);
        Assertions.assertThat(rejectRequest.lastSaw(REJECTION_REASON)).isEqualTo(REVIEWER_COMMENT);
        Assertions.assertThat(issueInvoice.wasCalled()).isFalse();
    }

    @Test
    void reviewWithoutAValidDecisionCannotBeCompleted() {
        validateRequest.settingVariables(RequestFacts.specialInvoiceForGeneralTaxpayer().asVariables());
        ProcessInstance request = receive();
        Task review = task();

        assertThatThrownBy(() -> complete(review, withVariables(DECISION, "maybe")))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(request).isWaitingAt(REVIEW_SPECIAL_VAT);
        Assertions.assertThat(rejectRequest.wasCalled()).isFalse();
    }

    @Test
    void rejectionWithoutACommentIsRefusedBecauseTheCustomerMustSeeAReason() {
        validateRequest.settingVariables(RequestFacts.specialInvoiceForGeneralTaxpayer().asVariables());
        ProcessInstance request = receive();
        Task review = task();

        assertThatThrownBy(() -> complete(review, withVariables(DECISION, ReviewDecisions.REJECT)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining(COMMENT);

        assertThat(request).isWaitingAt(REVIEW_SPECIAL_VAT);
        Assertions.assertThat(rejectRequest.wasCalled()).isFalse();
    }

    @Test
    void reviewTaskRendersTheDeployedReviewForm() throws IOException {
        validateRequest.settingVariables(RequestFacts.specialInvoiceForGeneralTaxpayer().asVariables());
        receive();
        Task review = taskQuery().initializeFormKeys().singleResult();

        Assertions.assertThat(review.getCamundaFormRef().getKey()).isEqualTo(Forms.REVIEW_SPECIAL_VAT);
        try (InputStream form = formService().getDeployedTaskForm(review.getId())) {
            JsonNode schema = new ObjectMapper().readTree(form);
            Assertions.assertThat(schema.path("id").asText()).isEqualTo(Forms.REVIEW_SPECIAL_VAT);
            Assertions.assertThat(schema.path("components").findValuesAsText("key")).contains(DECISION, COMMENT);
        }
    }

    @Test
    void paperSpecialInvoiceIsPostedByFinanceAfterApproval() {
        validateRequest.settingVariables(RequestFacts.specialInvoiceForGeneralTaxpayer().deliveredByPost().asVariables());
        ProcessInstance request = receive();
        complete(task(), withVariables(DECISION, ReviewDecisions.APPROVE));
        issueTheInvoices(request);

        assertThat(request).isWaitingAt(DELIVER_INVOICE);
        ProcessInstance delivery = calledProcessInstance(DeliveryProcess.KEY);
        assertThat(delivery).isWaitingAt(DeliveryProcess.Elements.POST_PAPER_INVOICE);
        assertThat(task(DeliveryProcess.Elements.POST_PAPER_INVOICE, delivery))
                .hasCandidateGroup(Groups.FINANCE_REVIEWER);
        complete(task(DeliveryProcess.Elements.POST_PAPER_INVOICE, delivery),
                withVariables(DeliveryProcess.Vars.COURIER, "SF", DeliveryProcess.Vars.TRACKING_NUMBER, "SF1234567890"));

        assertThat(request).isEnded().hasPassed(REQUEST_DELIVERED);
        Assertions.assertThat(recordPosting.lastSaw(DeliveryProcess.Vars.TRACKING_NUMBER)).isEqualTo("SF1234567890");
        Assertions.assertThat(sendInvoiceMail.wasCalled()).isFalse();
    }

    @Test
    void issuanceOutageBecomesAnIncidentWhileTheRequestKeepsWaiting() {
        validateRequest.settingVariables(RequestFacts.normalInvoiceForLearner().asVariables());
        issueInvoice.failingAlways();
        ProcessInstance request = receive();
        assertThat(request).isWaitingAt(ISSUE_INVOICE);
        ProcessInstance issuance = calledProcessInstance(IssuanceProcess.KEY);

        Job issuing = job(IssuanceProcess.ISSUE_INVOICES, issuance);
        while (issuing.getRetries() > 0) {
            Job attempt = issuing;
            assertThatThrownBy(() -> execute(attempt)).hasMessageContaining("simulated outage");
            issuing = job(IssuanceProcess.ISSUE_INVOICES, issuance);
        }

        Assertions.assertThat(issueInvoice.timesCalled()).isEqualTo(5);
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(issuance.getId()).count())
                .isEqualTo(1);
        assertThat(request).isWaitingAt(ISSUE_INVOICE);

        issueInvoice.recovered();
        managementService().setJobRetries(issuing.getId(), 1);
        execute(job(IssuanceProcess.ISSUE_INVOICES, issuance));
        assertThat(request).isWaitingAt(DELIVER_INVOICE);
    }

    /** the customer's request arrives; the API transaction ends at the start event, the job executor goes on */
    private ProcessInstance receive() {
        ProcessInstance request = runtimeService().startProcessInstanceByKey(InvoiceRequestProcess.KEY,
                String.valueOf(REQUEST), withVariables(REQUEST_ID, REQUEST));
        assertThat(request).isWaitingAt(REQUEST_RECEIVED);
        Assertions.assertThat(validateRequest.wasCalled()).as("validated after the API transaction").isFalse();
        execute(job(REQUEST_RECEIVED, request));
        return request;
    }

    private void issueTheInvoices(ProcessInstance request) {
        assertThat(request).isWaitingAt(ISSUE_INVOICE);
        ProcessInstance issuance = calledProcessInstance(IssuanceProcess.KEY);
        assertThat(issuance).hasBusinessKey(String.valueOf(REQUEST)).isWaitingAt(IssuanceProcess.ISSUE_INVOICES);
        execute(job(IssuanceProcess.ISSUE_INVOICES, issuance));
        assertThat(issuance).isEnded().hasPassed(IssuanceProcess.INVOICES_ISSUED);
    }

    private void mailTheInvoice(ProcessInstance request) {
        assertThat(request).isWaitingAt(DELIVER_INVOICE);
        ProcessInstance delivery = calledProcessInstance(DeliveryProcess.KEY);
        assertThat(delivery).hasBusinessKey(String.valueOf(REQUEST))
                .isWaitingAt(DeliveryProcess.Elements.SEND_INVOICE_MAIL);
        execute(job(DeliveryProcess.Elements.SEND_INVOICE_MAIL, delivery));
        assertThat(delivery).isEnded().hasPassed(DeliveryProcess.Elements.DELIVERED_BY_MAIL);
    }
}
