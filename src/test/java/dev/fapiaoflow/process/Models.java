package dev.fapiaoflow.process;

/** Classpath names of the deployed models, as the pom copies the top-level bpmn/, dmn/ and forms/ folders. */
final class Models {

    static final String INVOICE_REQUEST = "bpmn/invoice-request.bpmn";
    static final String INVOICE_ISSUANCE = "bpmn/invoice-issuance.bpmn";
    static final String INVOICE_DELIVERY = "bpmn/invoice-delivery.bpmn";
    static final String SPECIAL_VAT_APPROVAL = "bpmn/special-vat-approval.bpmn";
    static final String VERIFICATION_BATCH = "bpmn/verification-batch.bpmn";
    static final String PERIODIC_INVOICING = "bpmn/periodic-invoicing.bpmn";
    static final String INVOICE_DISPUTE = "bpmn/invoice-dispute.bpmn";
    static final String REFUND_RED_LETTER = "bpmn/refund-red-letter.bpmn";
    static final String INCOMING_INVOICE_RECHECK = "bpmn/incoming-invoice-recheck.bpmn";

    static final String INVOICE_TYPE_ELIGIBILITY = "dmn/invoice-type-eligibility.dmn";
    static final String REVIEW_ROUTING = "dmn/review-routing.dmn";
    static final String DELIVERY_CHANNEL = "dmn/delivery-channel.dmn";
    static final String FOUR_EYES = "dmn/four-eyes.dmn";
    static final String REVIEW_RISK_HINTS = "dmn/review-risk-hints.dmn";
    static final String INVOICE_LIMIT = "dmn/invoice-limit.dmn";
    static final String DISPUTE_RECOMMENDATION = "dmn/dispute-recommendation.dmn";

    static final String REVIEW_SPECIAL_VAT_FORM = "forms/review-special-vat.form";
    static final String SECOND_APPROVAL_FORM = "forms/second-approval.form";
    static final String POST_PAPER_INVOICE_FORM = "forms/post-paper-invoice.form";
    static final String RESOLVE_DISPUTE_FORM = "forms/resolve-dispute.form";
    static final String APPROVE_RED_LETTER_FORM = "forms/approve-red-letter.form";
    static final String CONFIRM_REFUND_RED_LETTER_FORM = "forms/confirm-refund-red-letter.form";
    static final String REVIEW_INCOMING_STATUS_CHANGE_FORM = "forms/review-incoming-status-change.form";

    private Models() {
    }
}
