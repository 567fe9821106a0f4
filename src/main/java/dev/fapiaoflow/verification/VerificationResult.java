package dev.fapiaoflow.verification;

/** The answer to one check. {@code LOCKED} never appears in a 200 answer: it is the 429 of a locked number, kept in history. */
public enum VerificationResult {
    /** Number, issue date and total all agree. */
    MATCH,
    /** The number exists, another field differs; nothing else is revealed. */
    MISMATCH,
    /** We never issued that number. */
    NOT_FOUND,
    /** Too many mismatches against the number today; it answers nothing until midnight (Asia/Shanghai). */
    LOCKED
}
