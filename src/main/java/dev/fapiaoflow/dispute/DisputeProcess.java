package dev.fapiaoflow.dispute;

/** Names shared by {@code bpmn/invoice-dispute.bpmn}, {@code bpmn/refund-red-letter.bpmn}, their delegates and tests. */
public final class DisputeProcess {

    public static final String KEY = "invoice-dispute";
    public static final String REFUND_KEY = "refund-red-letter";
    public static final String RECOMMENDATION_DECISION = "dispute-recommendation";

    private DisputeProcess() {
    }

    public static final class Elements {
        public static final String DISPUTE_RAISED = "DisputeRaised";
        public static final String RECOMMEND_ACTION = "RecommendAction";
        public static final String RECORD_RECOMMENDATION = "RecordRecommendation";
        public static final String RESOLVE_DISPUTE = "ResolveDispute";
        public static final String DISPUTE_OVERDUE = "DisputeOverdue";
        public static final String ESCALATE_DISPUTE = "EscalateDispute";
        public static final String RESOLVE_ESCALATED_DISPUTE = "ResolveEscalatedDispute";
        public static final String WHICH_ACTION = "WhichAction";
        public static final String HOW_TO_RESEND = "HowToResend";
        public static final String RESEND_INVOICE = "ResendInvoice";
        public static final String POST_PAPER_INVOICE_AGAIN = "PostPaperInvoiceAgain";
        public static final String MARK_IN_PROGRESS = "MarkInProgress";
        public static final String RECORD_REPOST = "RecordRepost";
        public static final String REJECT_DISPUTE = "RejectDispute";
        public static final String PLAN_CORRECTION = "PlanCorrection";
        public static final String HOW_TO_CORRECT = "HowToCorrect";
        public static final String VOID_INVOICE = "VoidInvoice";
        public static final String APPROVE_RED_LETTER = "ApproveRedLetter";
        public static final String RED_LETTER_APPROVED = "RedLetterApproved";
        public static final String REFUSE_RED_LETTER = "RefuseRedLetter";
        public static final String ISSUE_RED_LETTER = "IssueRedLetter";
        public static final String CORRECTION_JOIN = "CorrectionJoin";
        public static final String REISSUE_INVOICE = "ReissueInvoice";
        public static final String DELIVER_CORRECTION = "DeliverCorrection";
        public static final String RESENT = "Resent";
        public static final String REPOSTED = "Reposted";
        public static final String REJECTED = "Rejected";
        public static final String CORRECTED = "Corrected";

        public static final String REFUND_REPORTED = "RefundReported";
        public static final String CONFIRM_REFUND_RED_LETTER = "ConfirmRefundRedLetter";
        public static final String REFUND_CONFIRMED = "RefundConfirmed";
        public static final String ISSUE_REFUND_RED_LETTER = "IssueRefundRedLetter";
        public static final String DELIVER_REFUND_RED_LETTER = "DeliverRefundRedLetter";
        public static final String REFUND_RED_LETTER_ISSUED = "RefundRedLetterIssued";
        public static final String RECORD_REFUND_REFUSAL = "RecordRefundRefusal";
        public static final String REFUND_RED_LETTER_REFUSED = "RefundRedLetterRefused";

        private Elements() {
        }
    }

    public static final class Vars {
        public static final String DISPUTE_ID = "disputeId";
        public static final String INVOICE_ID = "invoiceId";
        public static final String REQUEST_ID = "requestId";
        /** the invoice the issuance process re-issues (invoice-issuance's input) */
        public static final String REPLACES_INVOICE_ID = "replacesInvoiceId";
        public static final String REASON = "reason";
        public static final String INVOICE_TYPE = "invoiceType";
        public static final String INVOICE_KIND = "invoiceKind";
        /** WRONG_TYPE: the type the customer needs (NORMAL | SPECIAL), else null; SPECIAL needs ApproveRedLetter */
        public static final String WANTED_INVOICE_TYPE = "wantedInvoiceType";
        public static final String CHANNEL = "channel";
        public static final String AGE_DAYS = "ageDays";
        public static final String POSTED = "posted";
        public static final String ISSUED_THIS_MONTH = "issuedThisMonth";
        public static final String RECOMMENDATION = "recommendation";
        public static final String RECOMMENDATION_NOTE = "recommendationNote";
        public static final String ACTION = "action";
        public static final String COMMENT = "comment";
        public static final String DECISION = "decision";
        public static final String CORRECTION_METHOD = "correctionMethod";
        public static final String COURIER = "courier";
        public static final String TRACKING_NUMBER = "trackingNumber";
        public static final String REFUND_ID = "refundId";

        private Vars() {
        }
    }

    /** values of {@code action} (forms/resolve-dispute.form) */
    public static final class Actions {
        public static final String RESEND = "resend";
        public static final String CORRECT = "correct";
        public static final String REJECT = "reject";
        public static final String ESCALATE = "escalate";

        private Actions() {
        }
    }

    /** values of {@code correctionMethod} */
    public static final class CorrectionMethods {
        public static final String VOID = "VOID";
        public static final String RED_LETTER = "RED_LETTER";

        private CorrectionMethods() {
        }
    }

    /** values of {@code decision} in ApproveRedLetter and ConfirmRefundRedLetter */
    public static final class Decisions {
        public static final String APPROVE = "approve";
        public static final String REFUSE = "refuse";

        private Decisions() {
        }
    }
}
