package dev.fapiaoflow.process;

import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.DECIDE_INVOICE_TYPE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.DECIDE_REVIEW_ROUTE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.DELIVER_INVOICE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.ISSUE_INVOICE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.IS_APPROVED;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.IS_ELIGIBLE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.IS_REVIEW_NEEDED;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.APPROVE_SPECIAL_VAT;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.CANCEL_REQUEST;
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
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.REQUEST_CANCELLED;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Elements.VALIDATE_REQUEST;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.APPROVAL_OUTCOME;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.ELIGIBLE;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.INELIGIBLE_REASON;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.REJECTION_REASON;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.REQUEST_ID;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.REVIEW_GROUP;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.REVIEW_NEEDED;
import static dev.fapiaoflow.request.InvoiceRequestProcess.Vars.TOTAL_AMOUNT_FEN;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;


import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import dev.fapiaoflow.review.ReviewConfig;
import dev.fapiaoflow.review.SpecialVatApprovalProcess;
import dev.fapiaoflow.review.SpecialVatApprovalProcess.Decisions;
import dev.fapiaoflow.review.SpecialVatApprovalProcess.Outcomes;
import dev.fapiaoflow.shared.Groups;

/**
 * invoice-request end to end, with the called issuance and delivery processes and the real decision tables; only
 * the delegate beans are faked. Jobs are executed by hand, in the order the job executor would pick them up.
 */
@Deployment(resources = {
        Models.INVOICE_REQUEST, Models.INVOICE_ISSUANCE, Models.INVOICE_DELIVERY, Models.SPECIAL_VAT_APPROVAL,
        Models.INVOICE_TYPE_ELIGIBILITY, Models.REVIEW_ROUTING, Models.DELIVERY_CHANNEL, Models.FOUR_EYES,
        Models.REVIEW_SPECIAL_VAT_FORM, Models.SECOND_APPROVAL_FORM, Models.POST_PAPER_INVOICE_FORM })
class InvoiceRequestProcessTest {

    @RegisterExtension
    // special-vat-approval and invoice-issuance run for real here, but their every path is SpecialVatApprovalProcessTest's
    // and InvoiceIssuanceProcessTest's business (the platform path of issuance included)
    static ProcessEngineCoverageExtension engine = (ProcessEngineCoverageExtension) ProcessEngineCoverageExtension
            .builder().excludeProcessDefinitionKeys(SpecialVatApprovalProcess.KEY, dev.fapiaoflow.issuance.IssuanceProcess.KEY)
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
    private FakeDelegate recordReceipt;
    private FakeDelegate cancelRequest;

    @BeforeEach
    void fakeTheDelegates() {
        BpmnAwareTests.init(engine.getProcessEngine());
        validateRequest = FakeDelegate.registeredAs("validateRequestDelegate");
        rejectRequest = FakeDelegate.registeredAs("rejectRequestDelegate");
        markInReview = FakeDelegate.registeredAs("markInReviewDelegate");
        issueInvoice = FakeDelegate.registeredAs("issueInvoiceDelegate");
        FakeDelegate.registeredAs("storeInvoiceDocumentsDelegate");
        sendInvoiceMail = FakeDelegate.registeredAs("sendInvoiceMailDelegate")
                .settingVariables(java.util.Map.of(DeliveryProcess.Vars.MAIL_OUTCOME, "SENT"));
        recordPosting = FakeDelegate.registeredAs("recordPostingDelegate");
        recordReceipt = FakeDelegate.registeredAs("recordReceiptDelegate");
        Mocks.register("printableInvoicesListener", (org.camunda.bpm.engine.delegate.TaskListener) task -> { });
        Mocks.register("deliveryConfig", new dev.fapiaoflow.delivery.DeliveryConfig("P10D"));
        cancelRequest = FakeDelegate.registeredAs("cancelRequestDelegate");
        // the approval's own steps, tested in SpecialVatApprovalProcessTest
        FakeDelegate.registeredAs("assessRiskDelegate");
        FakeDelegate.registeredAs("customerNoticeDelegate");
        FakeDelegate.registeredAs("askForMoreInfoDelegate");
        FakeDelegate.registeredAs("notifyFinanceManagersDelegate");
        Mocks.register("reviewConfig", new ReviewConfig(2, "P7D"));
        StoredTotals.registered().storing(REQUEST, RequestFacts.specialInvoiceForGeneralTaxpayer().totalAmountFen());
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
        assertThat(request).hasNotPassed(APPROVE_SPECIAL_VAT);
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

    /** ADR 0011: checked when accepted, an order refunded before issuing is caught by the issuance step */
    @Test
    void requestWhoseOrdersChangedBeforeIssuingIsRejectedWithTheReason() {
        validateRequest.settingVariables(RequestFacts.normalInvoiceForLearner().asVariables());
        issueInvoice.throwingBpmnError(dev.fapiaoflow.issuance.IssuanceProcess.REQUEST_NO_LONGER_ISSUABLE, INVALID_ORDER);
        ProcessInstance request = receive();
        assertThat(request).isWaitingAt(ISSUE_INVOICE);
        ProcessInstance issuance = calledProcessInstance(IssuanceProcess.KEY);

        execute(job(IssuanceProcess.ISSUE_INVOICES, issuance));

        assertThat(issuance).isEnded();
        assertThat(request).isEnded().hasPassedInOrder(ISSUE_INVOICE, InvoiceRequestProcess.Elements.ISSUANCE_REFUSED,
                REJECT_INVALID_REQUEST, REQUEST_REJECTED).hasNotPassed(DELIVER_INVOICE);
        Assertions.assertThat(rejectRequest.lastSaw(REJECTION_REASON)).isEqualTo(INVALID_ORDER);
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
    void specialRequestWaitsForFinanceApprovalThenIsIssuedAndDelivered() {
        validateRequest.settingVariables(RequestFacts.specialInvoiceForGeneralTaxpayer().asVariables());

        ProcessInstance request = receive();

        assertThat(request).isWaitingAt(APPROVE_SPECIAL_VAT);
        assertThat(request).variables().containsEntry(REVIEW_NEEDED, true)
                .containsEntry(REVIEW_GROUP, Groups.FINANCE_REVIEWER);
        ProcessInstance approval = approvalOf(request);
        assertThat(approval).hasBusinessKey(String.valueOf(REQUEST)).isWaitingAt(SpecialVatApprovalProcess.Elements.REVIEW_SPECIAL_VAT);
        assertThat(approval).variables().containsEntry(REQUEST_ID, REQUEST)
                .containsEntry(TOTAL_AMOUNT_FEN, RequestFacts.specialInvoiceForGeneralTaxpayer().totalAmountFen());
        Assertions.assertThat(markInReview.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
        Assertions.assertThat(issueInvoice.wasCalled()).as("nothing issued before approval").isFalse();

        decide(request, Decisions.APPROVE, null);
        issueTheInvoices(request);
        mailTheInvoice(request);

        assertThat(request).isEnded().hasPassedInOrder(IS_REVIEW_NEEDED, APPROVE_SPECIAL_VAT, IS_APPROVED,
                READY_TO_ISSUE, ISSUE_INVOICE, DELIVER_INVOICE, REQUEST_DELIVERED);
        assertThat(request).variables().containsEntry(APPROVAL_OUTCOME, Outcomes.APPROVED);
        Assertions.assertThat(rejectRequest.wasCalled()).isFalse();
    }

    @Test
    void specialRequestRejectedByTheReviewerEndsWithTheReviewersComment() {
        validateRequest.settingVariables(RequestFacts.specialInvoiceForGeneralTaxpayer().asVariables());
        ProcessInstance request = receive();

        decide(request, Decisions.REJECT, REVIEWER_COMMENT);

        assertThat(request).isEnded().hasPassedInOrder(APPROVE_SPECIAL_VAT, IS_APPROVED, REJECT_REVIEWED_REQUEST,
                REQUEST_REJECTED_BY_REVIEWER);
        assertThat(request).hasNotPassed(READY_TO_ISSUE, ISSUE_INVOICE);
        Assertions.assertThat(rejectRequest.lastSaw(REJECTION_REASON)).isEqualTo(REVIEWER_COMMENT);
        Assertions.assertThat(issueInvoice.wasCalled()).isFalse();
    }

    @Test
    void specialRequestWithoutTheAskedSupplementIsCancelledWithTheReason() {
        validateRequest.settingVariables(RequestFacts.specialInvoiceForGeneralTaxpayer().asVariables());
        ProcessInstance request = receive();
        decide(request, Decisions.MORE_INFO, "请补充开户行及账号");

        execute(job(SpecialVatApprovalProcess.Elements.SUPPLEMENT_OVERDUE, approvalOf(request)));

        assertThat(request).isEnded().hasPassedInOrder(APPROVE_SPECIAL_VAT, IS_APPROVED, CANCEL_REQUEST, REQUEST_CANCELLED)
                .hasNotPassed(REJECT_REVIEWED_REQUEST, ISSUE_INVOICE);
        Assertions.assertThat(cancelRequest.lastSaw(REQUEST_ID)).isEqualTo(REQUEST);
        Assertions.assertThat((String) cancelRequest.lastSaw(REJECTION_REASON)).contains("补充资料");
        Assertions.assertThat(rejectRequest.wasCalled()).isFalse();
    }

    @Test
    void paperSpecialInvoiceIsPostedByFinanceAfterApproval() {
        validateRequest.settingVariables(RequestFacts.specialInvoiceForGeneralTaxpayer().deliveredByPost().asVariables());
        ProcessInstance request = receive();
        decide(request, Decisions.APPROVE, null);
        issueTheInvoices(request);

        assertThat(request).isWaitingAt(DELIVER_INVOICE);
        ProcessInstance delivery = calledProcessInstance(DeliveryProcess.KEY);
        assertThat(delivery).isWaitingAt(DeliveryProcess.Elements.POST_PAPER_INVOICE);
        assertThat(task(DeliveryProcess.Elements.POST_PAPER_INVOICE, delivery))
                .hasCandidateGroup(Groups.FINANCE_REVIEWER);
        complete(task(DeliveryProcess.Elements.POST_PAPER_INVOICE, delivery),
                withVariables(DeliveryProcess.Vars.COURIER, "SF", DeliveryProcess.Vars.TRACKING_NUMBER, "SF1234567890"));
        assertThat(request).as("posted, not yet received").isWaitingAt(DELIVER_INVOICE);
        runtimeService().createMessageCorrelation(DeliveryProcess.RECEIPT_MESSAGE)
                .processInstanceBusinessKey(String.valueOf(REQUEST))
                .setVariable(DeliveryProcess.Vars.RECEIPT, DeliveryProcess.Receipts.CUSTOMER).correlate();

        assertThat(request).isEnded().hasPassed(REQUEST_DELIVERED);
        Assertions.assertThat(recordReceipt.lastSaw(DeliveryProcess.Vars.RECEIPT)).isEqualTo(DeliveryProcess.Receipts.CUSTOMER);
        Assertions.assertThat(recordPosting.lastSaw(DeliveryProcess.Vars.TRACKING_NUMBER)).isEqualTo("SF1234567890");
        Assertions.assertThat(sendInvoiceMail.wasCalled()).isFalse();
    }

    @Test
    void paperInvoiceNobodyConfirmsIsDeliveredWhenTheReceiptTimerFires() {
        validateRequest.settingVariables(RequestFacts.specialInvoiceForGeneralTaxpayer().deliveredByPost().asVariables());
        ProcessInstance request = receive();
        decide(request, Decisions.APPROVE, null);
        issueTheInvoices(request);
        assertThat(request).isWaitingAt(DELIVER_INVOICE);
        ProcessInstance delivery = calledProcessInstance(DeliveryProcess.KEY);
        complete(task(DeliveryProcess.Elements.POST_PAPER_INVOICE, delivery),
                withVariables(DeliveryProcess.Vars.COURIER, "EMS", DeliveryProcess.Vars.TRACKING_NUMBER, "EMS12345678"));

        execute(job(DeliveryProcess.Elements.RECEIPT_TIMED_OUT, delivery));

        assertThat(request).isEnded().hasPassed(REQUEST_DELIVERED);
        Assertions.assertThat(recordReceipt.lastSaw(DeliveryProcess.Vars.RECEIPT)).isEqualTo(DeliveryProcess.Receipts.TIMEOUT);
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
        assertThat(request).as("numbering and documents are one job").isWaitingAt(DELIVER_INVOICE);
    }

    /** a finance reviewer decides the open review task of the called approval, logged in as Tasklist would be */
    private void decide(ProcessInstance request, String decision, String comment) {
        java.util.Map<String, Object> variables = new java.util.HashMap<>();
        variables.put(SpecialVatApprovalProcess.Vars.DECISION, decision);
        variables.put(SpecialVatApprovalProcess.Vars.COMMENT, comment);
        identityService().setAuthenticatedUserId("reviewer");
        try {
            complete(task(SpecialVatApprovalProcess.Elements.REVIEW_SPECIAL_VAT, approvalOf(request)), variables);
        } finally {
            identityService().clearAuthentication();
        }
    }

    private static ProcessInstance approvalOf(ProcessInstance request) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId()).singleResult();
    }

    /**
     * the customer's request arrives; validation and both decisions run in the API's transaction (ADR 0011): no job
     * before the first wait state (issuance, the approval's task, or the end)
     */
    private ProcessInstance receive() {
        ProcessInstance request = runtimeService().startProcessInstanceByKey(InvoiceRequestProcess.KEY,
                String.valueOf(REQUEST), withVariables(REQUEST_ID, REQUEST));
        Assertions.assertThat(validateRequest.wasCalled()).as("validated in the API's transaction").isTrue();
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(request.getId()).count())
                .as("no job of the request's own").isZero();
        return request;
    }

    private void issueTheInvoices(ProcessInstance request) {
        assertThat(request).isWaitingAt(ISSUE_INVOICE);
        ProcessInstance issuance = calledProcessInstance(IssuanceProcess.KEY);
        assertThat(issuance).hasBusinessKey(String.valueOf(REQUEST)).isWaitingAt(IssuanceProcess.ISSUE_INVOICES);
        execute(job(IssuanceProcess.ISSUE_INVOICES, issuance));
        assertThat(issuance).as("numbering and documents are one job").isEnded().hasPassed(IssuanceProcess.INVOICES_ISSUED);
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
