package dev.fapiaoflow.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waiting for asynchronous work (the job executor, mail, the outbox) with Awaitility: the probe runs at once and then
 * every 100 ms, in the test's own thread (probes may use its security context or MockMvc), until it returns what
 * the test waits for; an exception of the probe fails at once. A timeout fails with what was awaited and the last value seen, as the loops it replaces did.
 */
public final class Waiting {

    private static final Duration POLL = Duration.ofMillis(100);

    private Waiting() {
    }

    /** the first value of the probe that is done, within the time given */
    public static <T> T until(String what, Duration atMost, Callable<T> probe, Predicate<? super T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL).pollInSameThread()
                    .until(() -> {
                        T value = probe.call();
                        last.set(value);
                        return value;
                    }, done);
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError(what + " not within " + atMost.toSeconds() + " s; last seen: " + last.get(), timeout);
        }
    }

    /** waits until the condition holds, within the time given */
    public static void until(String what, Duration atMost, Callable<Boolean> condition) {
        until(what, atMost, condition, Boolean.TRUE::equals);
    }
}
