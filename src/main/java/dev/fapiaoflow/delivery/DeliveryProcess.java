package dev.fapiaoflow.delivery;

/** Names shared by {@code bpmn/invoice-delivery.bpmn}, its delegates and its tests. */
public final class DeliveryProcess {

    public static final String KEY = "invoice-delivery";

    public static final class Vars {
        public static final String REQUEST_ID = "requestId";
        public static final String INVOICE_TYPE = "invoiceType";
        public static final String DELIVERY = "delivery";
        /** EMAIL | POST, decided by the delivery-channel table */
        public static final String CHANNEL = "channel";
        /** form fields of PostPaperInvoice */
        public static final String COURIER = "courier";
        public static final String TRACKING_NUMBER = "trackingNumber";
        /** CUSTOMER (set by the receipt message) | TIMEOUT (set when the receipt timer fires) */
        public static final String RECEIPT = "receipt";
        /** SENT | HELD (no mail server configured: the mail waits in the outbox) */
        public static final String MAIL_OUTCOME = "mailOutcome";

        private Vars() {
        }
    }

    /** decision key of dmn/delivery-channel.dmn */
    public static final String DELIVERY_CHANNEL_DECISION = "delivery-channel";
    /** Camunda Forms id of forms/post-paper-invoice.form, bound by camunda:formRef */
    public static final String POST_PAPER_INVOICE_FORM = "post-paper-invoice";

    /** the customer confirmed that the posted invoice arrived; correlated by the request id as business key */
    public static final String RECEIPT_MESSAGE = "PaperInvoiceReceived";

    /** values of {@link Vars#RECEIPT} */
    public static final class Receipts {
        public static final String CUSTOMER = "CUSTOMER";
        public static final String TIMEOUT = "TIMEOUT";

        private Receipts() {
        }
    }

    /** values of {@link Vars#CHANNEL} */
    public static final class Channels {
        public static final String EMAIL = "EMAIL";
        public static final String POST = "POST";

        private Channels() {
        }
    }

    public static final class Elements {
        public static final String DELIVERY_REQUESTED = "DeliveryRequested";
        public static final String WHICH_CHANNEL = "WhichChannel";
        public static final String DECIDE_CHANNEL = "DecideDeliveryChannel";
        public static final String SEND_INVOICE_MAIL = "SendInvoiceMail";
        public static final String POST_PAPER_INVOICE = "PostPaperInvoice";
        public static final String RECORD_POSTING = "RecordPosting";
        public static final String DELIVERED_BY_MAIL = "DeliveredByMail";
        public static final String AWAIT_RECEIPT = "AwaitReceipt";
        public static final String RECEIPT_CONFIRMED = "ReceiptConfirmed";
        public static final String RECEIPT_TIMED_OUT = "ReceiptTimedOut";
        public static final String RECORD_RECEIPT = "RecordReceipt";
        public static final String DELIVERED_BY_POST = "DeliveredByPost";
        public static final String HELD_IN_OUTBOX = "HeldInOutbox";

        private Elements() {
        }
    }

    private DeliveryProcess() {
    }
}
