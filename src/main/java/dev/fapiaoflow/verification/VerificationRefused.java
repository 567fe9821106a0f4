package dev.fapiaoflow.verification;

/**
 * A check that was not made, and after how long to try again: the caller is over its rate limit
 * ({@code RATE_LIMITED}); the number is locked for this caller for the day after too many mismatches ({@code LOCKED});
 * the national limit of checks of this invoice today is used up ({@code DAILY_LIMIT}); the verification provider
 * cannot answer now ({@code PROVIDER_UNAVAILABLE}). Our own check and the provider's refuse in this one shape;
 * {@link VerificationProblems} answers each on the API.
 */
public class VerificationRefused extends RuntimeException {

    public enum Reason { RATE_LIMITED, LOCKED, DAILY_LIMIT, PROVIDER_UNAVAILABLE }

    private final Reason reason;
    private final long retryAfterSeconds;

    public VerificationRefused(Reason reason, long retryAfterSeconds) {
        this(reason, retryAfterSeconds, reason + ", retry after " + retryAfterSeconds + " s");
    }

    public VerificationRefused(Reason reason, long retryAfterSeconds, String message) {
        super(message);
        this.reason = reason;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public Reason reason() {
        return reason;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** the caller's own doing (rate limit, locked number), as opposed to the invoice's national limit or the provider */
    public boolean byCaller() {
        return reason == Reason.RATE_LIMITED || reason == Reason.LOCKED;
    }
}
