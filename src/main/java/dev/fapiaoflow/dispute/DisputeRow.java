package dev.fapiaoflow.dispute;

import java.time.Instant;

/** One line of the dispute queue and of {@code GET /api/disputes}. */
public record DisputeRow(long id, long invoiceId, String invoiceNumber, String customer, DisputeReason reason,
        DisputeStatus status, String recommendation, Instant createdAt, Instant dueAt, boolean overdue) {
}
