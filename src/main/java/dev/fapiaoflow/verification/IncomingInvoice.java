package dev.fapiaoflow.verification;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An entry of the incoming-invoice ledger (进项发票台账): an invoice the school received, as the provider confirmed it,
 * with its status at the last check; {@code submissions} above 1 means it was submitted again (a possible double
 * reimbursement). {@code reviewPending} is true while a changed status waits for finance's review; the latest review's
 * decision is kept with the entry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncomingInvoice(long id, String kind, String code, String number, String issueDate, String sellerName,
        String sellerTaxId, String totalAmount, ForeignInvoiceStatus status, Instant statusCheckedAt, String registeredBy,
        Instant registeredAt, int submissions, String fileFormat, String fileSha256, boolean reviewPending, String reviewDecision,
        String reviewedBy, Instant reviewedAt) {
}
