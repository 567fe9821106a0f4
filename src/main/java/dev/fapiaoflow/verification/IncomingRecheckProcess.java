package dev.fapiaoflow.verification;

/** Names shared by {@code bpmn/incoming-invoice-recheck.bpmn}, its delegates and its tests. */
public final class IncomingRecheckProcess {

    public static final String KEY = "incoming-invoice-recheck";

    public static final class Vars {
        /** the multi-instance element: one ledger entry's id */
        public static final String INVOICE_ID = "invoiceId";
        /** local to each entry: whether the re-check found another status */
        public static final String STATUS_CHANGED = "statusChanged";
        /** local to each entry: the status before and after (ForeignInvoiceStatus names), shown in the form */
        public static final String PREVIOUS_STATUS = "previousStatus";
        public static final String NEW_STATUS = "newStatus";
        /** the reviewer's form fields: {@link IncomingRecheck.Decision} and an optional note */
        public static final String DECISION = "decision";
        public static final String NOTE = "note";

        private Vars() {
        }
    }

    public static final class Elements {
        public static final String RECHECK_DUE = "RecheckDue";
        public static final String RECHECK_INVOICES = "RecheckInvoices";
        public static final String RECHECK_INVOICE = "RecheckInvoice";
        public static final String NO_CHANGE = "StatusUnchanged";
        public static final String REVIEW_STATUS_CHANGE = "ReviewIncomingStatusChange";
        public static final String RECORD_REVIEW = "RecordIncomingReview";
        public static final String REVIEWED = "StatusChangeReviewed";
        public static final String RECHECK_DONE = "RecheckDone";

        private Elements() {
        }
    }

    private IncomingRecheckProcess() {
    }
}
