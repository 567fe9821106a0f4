package dev.fapiaoflow.issuance;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.issuance.internal.PlatformSubmissionRepository;
import dev.fapiaoflow.platform.PlatformResultReceived;

/**
 * Wakes the waiting issuance process when the platform called back. If the process is not waiting at that moment
 * (still submitting, or storing another invoice of the request) the message finds no one: nothing is lost, as the
 * answer is stored and the next collect or poll takes it.
 */
@Component
class PlatformCallbackCorrelation {

    private static final Logger log = LoggerFactory.getLogger(PlatformCallbackCorrelation.class);

    private final PlatformSubmissionRepository submissions;
    private final RuntimeService runtime;

    PlatformCallbackCorrelation(PlatformSubmissionRepository submissions, RuntimeService runtime) {
        this.submissions = submissions;
        this.runtime = runtime;
    }

    @EventListener
    void on(PlatformResultReceived received) {
        submissions.findById(received.serial()).ifPresent(submission -> {
            try {
                runtime.createMessageCorrelation(IssuanceProcess.PLATFORM_RESULT_MESSAGE)
                        .processInstanceBusinessKey(String.valueOf(submission.requestId()))
                        .correlateAllWithResult();
            } catch (RuntimeException e) {
                log.info("Callback for {} not correlated now ({}); the poll will take it", received.serial(), e.toString());
            }
        });
    }
}
