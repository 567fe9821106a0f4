package dev.fapiaoflow.periodic;

/** Names shared by {@code bpmn/periodic-invoicing.bpmn}, its delegates and its tests. */
public final class PeriodicInvoicingProcess {

    public static final String KEY = "periodic-invoicing";

    public static final class Vars {
        /** the Shanghai date (yyyy-MM-dd) the run is for: each customer's last complete month or quarter before it */
        public static final String RUN_DATE = "runDate";
        /** the multi-instance element: one opted-in customer's user id */
        public static final String CUSTOMER = "customer";
        /** local to each customer's instance: what the run did for them ({@link PeriodOutcome.Result}) */
        public static final String OUTCOME = "outcome";
        /** local to each customer's instance: the merged request, when one was created */
        public static final String REQUEST_ID = "requestId";

        private Vars() {
        }
    }

    public static final class Elements {
        public static final String RUN_DUE = "PeriodicRunDue";
        public static final String FIX_RUN_DATE = "FixRunDate";
        public static final String INVOICE_CUSTOMER_PERIOD = "InvoiceCustomerPeriod";
        public static final String RUN_DONE = "PeriodicRunDone";

        private Elements() {
        }
    }

    private PeriodicInvoicingProcess() {
    }
}
