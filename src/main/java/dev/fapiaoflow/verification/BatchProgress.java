package dev.fapiaoflow.verification;

/** API.md "Verification": a batch's status (QUEUED, RUNNING, DONE, FAILED) and counts; {@code done} rows are checked. */
public record BatchProgress(String status, int total, int done, int matched, int mismatched, int notFound, int errors) {
}
