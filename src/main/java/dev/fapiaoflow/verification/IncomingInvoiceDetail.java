package dev.fapiaoflow.verification;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One ledger entry for finance and audit: the entry, its status history (registered, each re-check, each review) and
 * the provider's raw answer of the latest check as it came (pretty-printed JSON), for audit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncomingInvoiceDetail(IncomingInvoice entry, List<Event> history, String rawAnswer) {

    /** {@code event} REGISTERED, RECHECKED (with {@code previousStatus} when it changed) or REVIEWED (with the decision) */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(Instant at, String event, ForeignInvoiceStatus status, ForeignInvoiceStatus previousStatus, String decision,
            String note, String actor) {
    }
}
