package dev.fapiaoflow.request;

/**
 * Names shared by {@code bpmn/invoice-request.bpmn}, its delegates and its tests. Variables hold ids and
 * decisions only, never personal or tax data.
 */
public final class InvoiceRequestProcess {

    public static final String KEY = "invoice-request";

    public static final class Vars {
        public static final String REQUEST_ID = "requestId";
        /** NORMAL | SPECIAL, as requested */
        public static final String INVOICE_TYPE = "invoiceType";
        /** PERSONAL | ENTERPRISE */
        public static final String BUYER_TYPE = "buyerType";
        /** GENERAL | SMALL_SCALE | null */
        public static final String TAXPAYER_KIND = "taxpayerKind";
        /** the request's total in fen (Long), exact, for routing rules */
        public static final String TOTAL_AMOUNT_FEN = "totalAmountFen";
        /** EMAIL | POST, as requested */
        public static final String DELIVERY = "delivery";
        public static final String ELIGIBLE = "eligible";
        public static final String INELIGIBLE_REASON = "ineligibleReason";
        public static final String REVIEW_NEEDED = "reviewNeeded";
        public static final String REVIEW_GROUP = "reviewGroup";
        /** why the request was rejected or cancelled; the customer reads it */
        public static final String REJECTION_REASON = "rejectionReason";
        /** out of the special-vat-approval call: approved | rejected | cancelled */
        public static final String APPROVAL_OUTCOME = "approvalOutcome";

        private Vars() {
        }
    }

    public static final class Errors {
        /** thrown by validation when the request (or an order in it) no longer qualifies */
        public static final String REQUEST_INVALID = "REQUEST_INVALID";

        private Errors() {
        }
    }

    /** decision keys (dmn/), also evaluated by the Java side through DecisionService */
    public static final class Decisions {
        public static final String INVOICE_TYPE_ELIGIBILITY = "invoice-type-eligibility";
        public static final String REVIEW_ROUTING = "review-routing";

        private Decisions() {
        }
    }

    public static final class Elements {
        public static final String REQUEST_RECEIVED = "RequestReceived";
        /** error boundary event on ValidateRequest catching {@link Errors#REQUEST_INVALID} */
        public static final String REQUEST_INVALID = "RequestInvalid";
        public static final String IS_ELIGIBLE = "IsEligible";
        public static final String IS_REVIEW_NEEDED = "IsReviewNeeded";
        public static final String IS_APPROVED = "IsApproved";
        public static final String READY_TO_ISSUE = "ReadyToIssue";
        public static final String REQUEST_INELIGIBLE = "RequestIneligible";
        public static final String REQUEST_REJECTED_BY_REVIEWER = "RequestRejectedByReviewer";
        public static final String VALIDATE_REQUEST = "ValidateRequest";
        public static final String DECIDE_INVOICE_TYPE = "DecideInvoiceType";
        public static final String DECIDE_REVIEW_ROUTE = "DecideReviewRoute";
        /** call activity of special-vat-approval */
        public static final String APPROVE_SPECIAL_VAT = "ApproveSpecialVat";
        public static final String CANCEL_REQUEST = "CancelRequest";
        public static final String REQUEST_CANCELLED = "RequestCancelled";
        public static final String ISSUE_INVOICE = "IssueInvoice";
        /** error boundary event on IssueInvoice: the orders changed after acceptance (issuance's REQUEST_INVALID) */
        public static final String ISSUANCE_REFUSED = "IssuanceRefused";
        public static final String DELIVER_INVOICE = "DeliverInvoice";
        public static final String REJECT_INVALID_REQUEST = "RejectInvalidRequest";
        public static final String REJECT_INELIGIBLE_REQUEST = "RejectIneligibleRequest";
        public static final String REJECT_REVIEWED_REQUEST = "RejectReviewedRequest";
        public static final String REQUEST_DELIVERED = "RequestDelivered";
        public static final String WAS_DELIVERED = "WasDelivered";
        /** issued, but no mail server is configured: the mail waits in the outbox */
        public static final String REQUEST_HELD_IN_OUTBOX = "RequestHeldInOutbox";
        public static final String REQUEST_REJECTED = "RequestRejected";

        private Elements() {
        }
    }

    private InvoiceRequestProcess() {
    }
}
