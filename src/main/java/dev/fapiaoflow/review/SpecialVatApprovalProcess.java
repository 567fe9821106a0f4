package dev.fapiaoflow.review;

/**
 * Names shared by {@code bpmn/special-vat-approval.bpmn}, its delegates, listeners and tests. Variables hold ids,
 * decisions and user ids only, never personal or tax data.
 */
public final class SpecialVatApprovalProcess {

    public static final String KEY = "special-vat-approval";

    public static final class Vars {
        /** in: the request id (Long); the business key is the same id */
        public static final String REQUEST_ID = "requestId";
        /** in: the request's total in fen (Long), for information; DecideFourEyes reads the stored request's total */
        public static final String TOTAL_AMOUNT_FEN = "totalAmountFen";
        /** form field: approve | reject | more-info (second approval: approve | reject) */
        public static final String DECISION = "decision";
        /** form field: required for reject and more-info; the customer reads it */
        public static final String COMMENT = "comment";
        /** the risk hints shown on the review form, one text per hit of review-risk-hints */
        public static final String RISK_HINTS = "riskHints";
        public static final String SECOND_APPROVAL_NEEDED = "secondApprovalNeeded";
        /** user id of whoever approved ReviewSpecialVat, shown on the second approval's form; the four-eyes rule reads history */
        public static final String FIRST_APPROVER = "firstApprover";
        /** local input of the customer-notice task: {@link Outcomes#REJECTED} or {@link Outcomes#CANCELLED} */
        public static final String NOTICE = "notice";
        /** out: {@link Outcomes} */
        public static final String APPROVAL_OUTCOME = "approvalOutcome";
        /** out: the reason the customer reads when rejected or cancelled */
        public static final String REJECTION_REASON = "rejectionReason";

        private Vars() {
        }
    }

    /** values of {@link Vars#DECISION} */
    public static final class Decisions {
        public static final String APPROVE = "approve";
        public static final String REJECT = "reject";
        public static final String MORE_INFO = "more-info";

        private Decisions() {
        }
    }

    /** values of {@link Vars#APPROVAL_OUTCOME} */
    public static final class Outcomes {
        public static final String APPROVED = "approved";
        public static final String REJECTED = "rejected";
        public static final String CANCELLED = "cancelled";

        private Outcomes() {
        }
    }

    public static final class Messages {
        /** correlated by business key (the request id) when the customer supplies corrected details */
        public static final String CUSTOMER_SUPPLEMENT = "CustomerSupplement";

        private Messages() {
        }
    }

    /** decision keys (dmn/) */
    public static final class Tables {
        public static final String FOUR_EYES = "four-eyes";
        public static final String REVIEW_RISK_HINTS = "review-risk-hints";

        private Tables() {
        }
    }

    public static final class Forms {
        public static final String REVIEW_SPECIAL_VAT = "review-special-vat";
        public static final String SECOND_APPROVAL = "second-approval";

        private Forms() {
        }
    }

    public static final class Elements {
        public static final String APPROVAL_REQUESTED = "ApprovalRequested";
        public static final String MARK_IN_REVIEW = "MarkInReview";
        public static final String ASSESS_RISK = "AssessRisk";
        public static final String REVIEW_SPECIAL_VAT = "ReviewSpecialVat";
        public static final String REVIEW_OVERDUE = "ReviewOverdue";
        public static final String HAND_TO_MANAGERS = "HandToManagers";
        public static final String NOTIFY_MANAGERS = "NotifyManagers";
        public static final String REVIEW_ESCALATED = "ReviewEscalated";
        public static final String REVIEW_DECISION = "ReviewDecision";
        public static final String DECIDE_FOUR_EYES = "DecideFourEyes";
        public static final String IS_SECOND_APPROVAL_NEEDED = "IsSecondApprovalNeeded";
        public static final String SECOND_APPROVAL = "SecondApproval";
        public static final String SECOND_DECISION = "SecondDecision";
        public static final String APPROVED = "Approved";
        public static final String NOTIFY_REJECTION = "NotifyRejection";
        public static final String REJECTED = "Rejected";
        public static final String ASK_FOR_MORE_INFO = "AskForMoreInfo";
        public static final String AWAIT_SUPPLEMENT = "AwaitSupplement";
        public static final String CUSTOMER_SUPPLEMENT = "CustomerSupplement";
        public static final String SUPPLEMENT_OVERDUE = "SupplementOverdue";
        public static final String NOTIFY_CANCELLATION = "NotifyCancellation";
        public static final String CANCELLED = "Cancelled";

        private Elements() {
        }
    }

    private SpecialVatApprovalProcess() {
    }
}
