package dev.fapiaoflow.verification;

/**
 * A foreign check not made: the national limit of checks of this invoice today is used up ({@code DAILY_LIMIT}), or
 * the provider cannot answer now ({@code PROVIDER_UNAVAILABLE}).
 */
public class ForeignCheckRefused extends RuntimeException {

    public enum Reason { DAILY_LIMIT, PROVIDER_UNAVAILABLE }

    private final Reason reason;
    private final long retryAfterSeconds;

    public ForeignCheckRefused(Reason reason, long retryAfterSeconds, String message) {
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
}
