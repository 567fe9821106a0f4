package dev.fapiaoflow.issuance;

import java.time.Instant;
import java.util.List;

/**
 * An invoice's identity and status history, for other features' timelines; no buyer data. {@code changes} are in
 * the order they happened, the first being ISSUED.
 */
public record InvoiceHistory(long id, String number, String owner, Long requestId, InvoiceKind kind,
        InvoiceStatus status, Instant issuedAt, List<Change> changes) {

    public InvoiceHistory {
        changes = List.copyOf(changes);
    }

    /** One status change: who ({@code system} for automated steps) and why, when given. */
    public record Change(InvoiceStatus status, Instant changedAt, String actor, String note) {
    }
}
