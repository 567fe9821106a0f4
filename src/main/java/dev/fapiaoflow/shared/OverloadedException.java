package dev.fapiaoflow.shared;

import java.time.Duration;

/** The node refuses new work for now: answered 503 with {@code Retry-After}, nothing stored. */
public class OverloadedException extends RuntimeException {

    private final Duration retryAfter;

    public OverloadedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
