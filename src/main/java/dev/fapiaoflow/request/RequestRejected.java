package dev.fapiaoflow.request;

import java.time.Instant;

/** A request was rejected (by review or validation); published in the rejecting transaction. */
public record RequestRejected(long requestId, String customer, String reason, Instant occurredAt) {
}
