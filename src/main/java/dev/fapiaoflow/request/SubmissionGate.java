package dev.fapiaoflow.request;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.operations.EngineBacklog;
import dev.fapiaoflow.operations.LoadProperties;
import dev.fapiaoflow.shared.OverloadedException;
import dev.fapiaoflow.shared.Texts;

/**
 * Sheds load at the door of {@code POST /api/invoice-requests}: a request is refused with 503 before anything is
 * stored when the node already stores {@code max-submissions-in-flight} others for longer than
 * {@code submission-wait}, or when the engine's backlog of due
 * jobs is above {@code max-executable-jobs}. A request let in is stored and its process started in one transaction,
 * so nothing is left half-done; a refused one can simply be sent again after {@code Retry-After}.
 */
@Component
class SubmissionGate {

    private final Semaphore inFlight;
    private final LoadProperties limits;
    private final EngineBacklog backlog;
    private final Counter accepted;
    private final Counter shedBusy;
    private final Counter shedBacklog;

    SubmissionGate(LoadProperties limits, EngineBacklog backlog, MeterRegistry meters) {
        this.limits = limits;
        this.backlog = backlog;
        this.inFlight = new Semaphore(Math.max(1, limits.maxSubmissionsInFlight()));
        this.accepted = submissions(meters, "accepted");
        this.shedBusy = submissions(meters, "shed-in-flight");
        this.shedBacklog = submissions(meters, "shed-backlog");
    }

    <T> T admit(Supplier<T> submission) {
        if (limits.maxExecutableJobs() > 0 && backlog.executableJobs() > limits.maxExecutableJobs()) {
            shedBacklog.increment();
            throw new OverloadedException(Texts.of("request.overloaded.backlog"),
                    limits.retryAfter());
        }
        if (!enter()) {
            shedBusy.increment();
            throw new OverloadedException(Texts.of("request.overloaded.busy"),
                    limits.retryAfter());
        }
        try {
            T result = submission.get();
            accepted.increment();
            return result;
        } finally {
            inFlight.release();
        }
    }

    private boolean enter() {
        try {
            return inFlight.tryAcquire(limits.submissionWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Counter submissions(MeterRegistry meters, String outcome) {
        return Counter.builder("fapiaoflow.requests.submitted").tag("outcome", outcome)
                .description("POST /api/invoice-requests by outcome").register(meters);
    }
}
