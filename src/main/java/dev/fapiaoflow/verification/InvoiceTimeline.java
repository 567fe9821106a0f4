package dev.fapiaoflow.verification;

import java.time.Instant;
import java.util.List;

import dev.fapiaoflow.issuance.InvoiceStatus;

/**
 * What happened to one invoice, oldest first: issued, posted and received (paper), delivered, first and last
 * verified, anomaly flags (back office only), voided or red-flushed. {@code verifiedBy} counts the distinct parties
 * that got a MATCH, the same count as a verification's {@code verifiedCount}.
 */
public record InvoiceTimeline(long invoiceId, String number, InvoiceStatus status, long verifiedBy,
        Instant firstVerifiedAt, Instant lastVerifiedAt, List<Event> events) {

    public InvoiceTimeline {
        events = List.copyOf(events);
    }

    public enum EventType {
        ISSUED, POSTED, RECEIVED, DELIVERED, FIRST_VERIFIED, LAST_VERIFIED, FLAG_RAISED, FLAG_ACKNOWLEDGED, VOIDED,
        RED_FLUSHED
    }

    /**
     * One event. {@code actor}: who, where known ({@code system}, {@code mail}, {@code customer}, a user id);
     * {@code detail}: the courier and tracking number, the flag's kind, the number of parties, or a status note.
     */
    public record Event(Instant at, EventType type, String actor, String detail) {
    }
}
