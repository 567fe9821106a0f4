package dev.fapiaoflow.review;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A finance task as the task list shows it (public: FreeMarker reads public types only); {@code requestId} 0 and no
 * customer, type or amount for a task of no invoice request (the incoming ledger's re-check).
 */
public record TaskRow(String id, String name, String definitionKey, long requestId, String customer, String invoiceType,
        BigDecimal amount, String assignee, Instant created, Instant due, boolean overdue) {
}
