package dev.fapiaoflow.platform.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * At most one platform query per serial per {@code callback-query-interval} caused by callbacks. Anyone can send the
 * documented (unsigned) callback, and each one about a serial still in progress would otherwise cost a query from the
 * application's shared rate and daily quota; the platform's own callback comes once (a few times when it retries),
 * and the engine's poll finds any result a skipped callback would have brought. Per node: a cluster multiplies the
 * allowance by its node count at most, which the rate limiter still bounds.
 */
final class CallbackQueryDebounce {

    private final Cache<String, Boolean> recentlyQueried;

    CallbackQueryDebounce(Duration interval) {
        this(interval, Ticker.systemTicker());
    }

    CallbackQueryDebounce(Duration interval, Ticker ticker) {
        recentlyQueried = Caffeine.newBuilder().expireAfterWrite(interval).maximumSize(100_000).ticker(ticker).build();
    }

    /** true for the first callback about the serial within the interval: that one may query the platform */
    boolean mayQuery(String serial) {
        return recentlyQueried.asMap().putIfAbsent(serial, Boolean.TRUE) == null;
    }

    /** the query could not be made: the platform's next attempt may try again at once */
    void forget(String serial) {
        recentlyQueried.invalidate(serial);
    }
}
