package dev.fapiaoflow.issuance;

/** Names shared by {@code bpmn/invoice-issuance.bpmn}, its delegates and its tests. */
public final class IssuanceProcess {

    public static final String KEY = "invoice-issuance";
    public static final String ISSUANCE_REQUESTED = "IssuanceRequested";
    public static final String ISSUE_INVOICES = "IssueInvoices";
    public static final String STORE_DOCUMENTS = "StoreInvoiceDocuments";
    public static final String INVOICES_ISSUED = "InvoicesIssued";
    public static final String ISSUED_OR_AWAITING = "IssuedOrAwaiting";
    public static final String AWAIT_PLATFORM = "AwaitPlatform";
    public static final String PLATFORM_RESULT_RECEIVED = "PlatformResultReceived";
    public static final String POLL_DUE = "PollDue";
    public static final String COLLECT_PLATFORM_INVOICES = "CollectPlatformInvoices";
    public static final String POLL_PLATFORM = "PollPlatform";
    /** the message the platform's callback is correlated as (by business key: the request id) */
    public static final String PLATFORM_RESULT_MESSAGE = "PlatformInvoiceResult";
    /** input variable: the request whose invoices are issued */
    public static final String REQUEST_ID = "requestId";
    /**
     * BPMN error thrown by {@value #ISSUE_INVOICES} when the request's orders changed after it was accepted; the same
     * code as the request's validation error, so {@code invoice-request} rejects it with the reason (ADR 0011)
     */
    public static final String REQUEST_NO_LONGER_ISSUABLE = "REQUEST_INVALID";
    /** optional input: re-issue this (red-flushed or voided) invoice with the corrected buyer instead */
    public static final String REPLACES_INVOICE_ID = "replacesInvoiceId";
    /** Boolean, set by the issuing steps: the platform was asked and its invoices are still to be stored */
    public static final String AWAITING_PLATFORM = "awaitingPlatform";
    /** ISO-8601 duration: how long to wait for the callback before polling the platform */
    public static final String PLATFORM_POLL_INTERVAL = "platformPollInterval";

    private IssuanceProcess() {
    }
}
