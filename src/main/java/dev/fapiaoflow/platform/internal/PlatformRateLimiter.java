package dev.fapiaoflow.platform.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.platform.PlatformBusy;

/**
 * The platform's limits, enforced on our side across all nodes: its request rate per application
 * ({@code rate-per-second}, every call) and the account's daily quota of invoice-making calls ({@code daily-quota},
 * issue and red-letter confirmation, per day in Asia/Shanghai). Both are Bucket4j buckets kept in our database
 * ({@link JdbcBucketProxyManager}), so two nodes share one budget. A call waits up to {@code rate-wait} for the rate;
 * past that, or with the day's quota spent, it throws {@link PlatformBusy}: the job fails before anything was sent,
 * and the engine retries it later, so a burst queues in the engine instead of being refused by the platform.
 */
@Component
class PlatformRateLimiter {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ProxyManager<String> buckets;
    private final PlatformProperties properties;
    private final BucketConfiguration rate;
    private final BucketConfiguration daily;

    @Autowired
    PlatformRateLimiter(DataSource dataSource, PlatformProperties properties) {
        this(new JdbcBucketProxyManager(dataSource), properties);
    }

    PlatformRateLimiter(ProxyManager<String> buckets, PlatformProperties properties) {
        this.buckets = buckets;
        this.properties = properties;
        this.rate = BucketConfiguration.builder().addLimit(limit -> limit.capacity(properties.ratePerSecond())
                .refillGreedy(properties.ratePerSecond(), Duration.ofSeconds(1))).build();
        // one bucket per day: it starts full and is never refilled; yesterday's is simply not used any more
        this.daily = BucketConfiguration.builder().addLimit(limit -> limit.capacity(properties.dailyQuota())
                .refillIntervally(properties.dailyQuota(), Duration.ofDays(3650))).build();
    }

    /** one call of {@code method}; invoice-making calls also count against the daily quota */
    void acquire(String method, boolean makesInvoices) {
        if (makesInvoices) {
            String day = LocalDate.now(CHINA).toString();
            if (!buckets.builder().build("nuonuo:" + properties.appKey() + ":daily:" + day, () -> daily).tryConsume(1)) {
                throw new PlatformBusy("the platform account's daily quota of " + properties.dailyQuota()
                        + " invoice calls is used up for " + day + "; " + method + " waits in the engine");
            }
        }
        try {
            var bucket = buckets.builder().build("nuonuo:" + properties.appKey() + ":rate", () -> rate);
            boolean passed = properties.rateWait().isZero() || properties.rateWait().isNegative() ? bucket.tryConsume(1)
                    : bucket.asBlocking().tryConsume(1, properties.rateWait());
            if (!passed) {
                throw new PlatformBusy("the platform's rate of " + properties.ratePerSecond() + " calls per second is"
                        + " reached; " + method + " waits in the engine");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformBusy("interrupted while waiting for the platform's rate");
        }
    }
}
