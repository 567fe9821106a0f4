package dev.fapiaoflow.issuance;

import java.time.Instant;

/** One status change of an invoice, with time, actor and note (e.g. which red-letter invoice reversed it). */
public record InvoiceHistoryEntry(InvoiceStatus status, Instant changedAt, String actor, String note) {
}
