package dev.fapiaoflow.platform.internal;

import java.time.Duration;

/**
 * What the simulator does wrong, each a probability per call or per invoice: answers slowly, fails with a 5xx before
 * or after it issued (the client then repeats and meets "duplicate serial"), calls back late, twice, out of order (a
 * stale "failed" after the final answer) or not at all (the poll must find it); someone else forges a callback
 * that claims the invoice issued before it is (only the query can tell: the documented callback is unsigned), and
 * lets access tokens expire after {@code tokenTtl}.
 */
public record SimulatorFaults(double slow, Duration slowBy, double errorBeforeIssuing, double errorAfterIssuing,
        double lateCallback, Duration lateBy, double callbackTwice, double callbackOutOfOrder, double forgedCallback,
        double lostCallback, Duration tokenTtl) {

    public static SimulatorFaults none() {
        return new SimulatorFaults(0, Duration.ZERO, 0, 0, 0, Duration.ZERO, 0, 0, 0, 0, Duration.ofHours(24));
    }

    @Override
    public String toString() {
        return "slow %.0f%% (+%d ms), 5xx before issuing %.0f%%, 5xx after issuing %.0f%%, late callback %.0f%% (+%d ms), "
                .formatted(slow * 100, slowBy.toMillis(), errorBeforeIssuing * 100, errorAfterIssuing * 100, lateCallback * 100,
                        lateBy.toMillis())
                + "callback twice %.0f%%, out of order %.0f%%, forged %.0f%%, lost %.0f%%, token TTL %ds".formatted(
                        callbackTwice * 100, callbackOutOfOrder * 100, forgedCallback * 100, lostCallback * 100,
                        tokenTtl.toSeconds());
    }
}
