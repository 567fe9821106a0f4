package dev.fapiaoflow.verification.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.verification.VerificationRefused;
import dev.fapiaoflow.verification.Verifier;

/**
 * Per-client token buckets (Bucket4j): anonymous callers get fewer checks per minute than logged-in ones. The
 * buckets live in this node's memory, in a map bounded to {@code maxClients} that forgets the least recently seen
 * client first; so with several nodes each limits on its own, and a forgotten client starts with a full bucket.
 */
@Component
public class ClientRateLimiter {

    private final VerificationProperties.RateLimit limits;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets;

    @Autowired
    public ClientRateLimiter(VerificationProperties properties) {
        this(properties.rateLimit(), TimeMeter.SYSTEM_NANOTIME);
    }

    ClientRateLimiter(VerificationProperties.RateLimit limits, TimeMeter time) {
        this.limits = limits;
        this.time = time;
        int max = limits.maxClients();
        this.buckets = new LinkedHashMap<>(Math.min(max, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /** Takes one check from the client's bucket, or refuses with the seconds until the next token. */
    public void acquire(Verifier verifier) {
        long seconds = tryAcquire(verifier);
        if (seconds > 0) {
            throw new VerificationRefused(VerificationRefused.Reason.RATE_LIMITED, seconds);
        }
    }

    /**
     * Takes one check from the client's bucket: 0 when taken, else the seconds until the next token (a batch row
     * then waits; the batch takes from its owner's bucket like the owner's single checks).
     */
    public long tryAcquire(Verifier verifier) {
        ConsumptionProbe probe = bucketOf(verifier).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Duration.ofNanos(probe.getNanosToWaitForRefill()).toMillis() / 1000 + 1;
    }

    private Bucket bucketOf(Verifier verifier) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(verifier.clientId(), key -> newBucket(verifier.loggedIn()));
        }
    }

    private Bucket newBucket(boolean loggedIn) {
        int perMinute = loggedIn ? limits.userPerMinute() : limits.anonymousPerMinute();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(time)
                .build();
    }

    int trackedClients() {
        synchronized (buckets) {
            return buckets.size();
        }
    }
}
