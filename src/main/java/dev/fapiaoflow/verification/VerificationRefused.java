package dev.fapiaoflow.verification;

/** A check that was not made: the client is over its rate limit, or the number is locked for this client for the day. */
public class VerificationRefused extends RuntimeException {

    public enum Reason { RATE_LIMITED, LOCKED }

    private final Reason reason;
    private final long retryAfterSeconds;

    public VerificationRefused(Reason reason, long retryAfterSeconds) {
        super(reason + ", retry after " + retryAfterSeconds + " s");
        this.reason = reason;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public Reason reason() {
        return reason;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
