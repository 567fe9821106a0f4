package dev.fapiaoflow.issuance;

/** Names shared by {@code bpmn/invoice-issuance.bpmn}, its delegate and its tests. */
public final class IssuanceProcess {

    public static final String KEY = "invoice-issuance";
    public static final String ISSUANCE_REQUESTED = "IssuanceRequested";
    public static final String ISSUE_INVOICES = "IssueInvoices";
    public static final String INVOICES_ISSUED = "InvoicesIssued";
    /** input variable: the request whose invoices are issued */
    public static final String REQUEST_ID = "requestId";
    /** optional input: re-issue this (red-flushed or voided) invoice with the corrected buyer instead */
    public static final String REPLACES_INVOICE_ID = "replacesInvoiceId";

    private IssuanceProcess() {
    }
}
