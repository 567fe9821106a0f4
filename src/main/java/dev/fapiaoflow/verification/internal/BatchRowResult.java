package dev.fapiaoflow.verification.internal;

/**
 * A checked row: {@code result} is MATCH, MISMATCH, NOT_FOUND, LOCKED or ERROR (malformed row); {@code status}
 * only for a MATCH; {@code message} says why a row is ERROR or LOCKED.
 */
public record BatchRowResult(int line, String result, String status, String message) {

    public static final String ERROR = "ERROR";
}
