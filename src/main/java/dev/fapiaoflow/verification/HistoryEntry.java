package dev.fapiaoflow.verification;

import java.time.Instant;

/** One of the caller's own checks; {@code status} only for a MATCH. */
public record HistoryEntry(Instant checkedAt, String number, VerificationResult result, VerificationStatus status) {
}
