package dev.fapiaoflow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** One query per serial per interval, whatever the number of callbacks; a failed query frees the serial again. */
class CallbackQueryDebounceTest {

    @Test
    void theFirstCallbackAboutASerialMayQueryAndRepeatsWithinTheIntervalMayNot() {
        CallbackQueryDebounce debounce = new CallbackQueryDebounce(Duration.ofMinutes(1));

        assertThat(debounce.mayQuery("FF1P1")).isTrue();
        assertThat(debounce.mayQuery("FF1P1")).isFalse();
        assertThat(debounce.mayQuery("FF1P1")).isFalse();
        assertThat(debounce.mayQuery("FF2P1")).as("another serial").isTrue();
    }

    @Test
    void afterTheIntervalASerialMayBeQueriedAgain() {
        AtomicLong nanos = new AtomicLong();
        CallbackQueryDebounce debounce = new CallbackQueryDebounce(Duration.ofSeconds(10), nanos::get);
        assertThat(debounce.mayQuery("FF1P1")).isTrue();

        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(debounce.mayQuery("FF1P1")).isFalse();
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(debounce.mayQuery("FF1P1")).isTrue();
    }

    @Test
    void aQueryThatCouldNotBeMadeFreesTheSerial() {
        CallbackQueryDebounce debounce = new CallbackQueryDebounce(Duration.ofMinutes(1));
        assertThat(debounce.mayQuery("FF1P1")).isTrue();

        debounce.forget("FF1P1");

        assertThat(debounce.mayQuery("FF1P1")).isTrue();
    }
}
