package dev.fapiaoflow.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import dev.fapiaoflow.verification.VerificationRefused;
import dev.fapiaoflow.verification.Verifier;

class ClientRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final ClientRateLimiter limiter = new ClientRateLimiter(new VerificationProperties.RateLimit(3, 6, 2), time);

    private static final Verifier ANONYMOUS = Verifier.anonymous("203.0.113.7");
    private static final Verifier ALICE = new Verifier("user:alice", "alice", false);

    @Test
    void anonymousClientOverItsLimitIsRefusedWithTheSecondsUntilTheNextCheck() {
        repeat(3, () -> limiter.acquire(ANONYMOUS));

        assertThatThrownBy(() -> limiter.acquire(ANONYMOUS))
                .isInstanceOfSatisfying(VerificationRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(VerificationRefused.Reason.RATE_LIMITED);
                    assertThat(e.retryAfterSeconds()).isBetween(20L, 21L); // 3 a minute: one every 20 s
                });
    }

    @Test
    void loggedInUserMayCheckMoreOften() {
        repeat(6, () -> limiter.acquire(ALICE));

        assertThatThrownBy(() -> limiter.acquire(ALICE)).isInstanceOf(VerificationRefused.class);
    }

    @Test
    void bucketRefillsAsTimePasses() {
        repeat(3, () -> limiter.acquire(ANONYMOUS));
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());

        assertThatCode(() -> limiter.acquire(ANONYMOUS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire(ANONYMOUS)).isInstanceOf(VerificationRefused.class);
    }

    @Test
    void oneClientsFloodDoesNotTouchAnother() {
        repeat(3, () -> limiter.acquire(ANONYMOUS));

        assertThatCode(() -> limiter.acquire(Verifier.anonymous("198.51.100.1"))).doesNotThrowAnyException();
    }

    @Test
    void mapForgetsTheLeastRecentlySeenClientBeyondItsBound() {
        limiter.acquire(Verifier.anonymous("10.0.0.1"));
        limiter.acquire(Verifier.anonymous("10.0.0.2"));
        limiter.acquire(Verifier.anonymous("10.0.0.3"));

        assertThat(limiter.trackedClients()).isEqualTo(2);
    }

    private static void repeat(int times, Runnable action) {
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }
}
