package dev.fapiaoflow.buyer;

/** A customer asked for suggestions too often: answered 429 with Retry-After. */
class TitleSuggestionsRateLimited extends RuntimeException {

    private final long retryAfterSeconds;

    TitleSuggestionsRateLimited(long retryAfterSeconds) {
        super("title suggestions rate-limited for " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
