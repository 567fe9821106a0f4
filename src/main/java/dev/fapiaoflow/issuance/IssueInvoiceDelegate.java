package dev.fapiaoflow.issuance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Service task {@value IssuanceProcess#ISSUE_INVOICES} of {@value IssuanceProcess#KEY}. There is no business
 * error to model: a request reaching issuance was validated, so every failure is technical and is thrown
 * for the engine to retry and then raise an incident. Through the platform adapter it leaves
 * {@value IssuanceProcess#AWAITING_PLATFORM} true, and the process waits for the callback or polls.
 */
@Component("issueInvoiceDelegate")
class IssueInvoiceDelegate implements JavaDelegate {

    private final IssuanceService issuance;
    private final MeterRegistry meters;

    IssueInvoiceDelegate(IssuanceService issuance, MeterRegistry meters) {
        this.issuance = issuance;
        this.meters = meters;
    }

    /** Timed as {@code fapiaoflow.issuance.duration} (outcome success or failure; a failure is retried by the engine). */
    @Override
    public void execute(DelegateExecution execution) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failure";
        try {
            issue(execution);
            outcome = "success";
        } finally {
            sample.stop(Timer.builder("fapiaoflow.issuance.duration").tag("outcome", outcome)
                    .description("one issuance step: numbering, rendering and storing a request's invoices")
                    .register(meters));
        }
    }

    private void issue(DelegateExecution execution) {
        Object replaces = execution.getVariable(IssuanceProcess.REPLACES_INVOICE_ID);
        if (replaces != null) {
            if (!(replaces instanceof Long original)) {
                throw new IllegalStateException("variable " + IssuanceProcess.REPLACES_INVOICE_ID + " must be a Long, was " + replaces);
            }
            issuance.reissueFor(original);
            return;
        }
        IssuingOutcome outcome = issuance.startIssuing(requestId(execution));
        execution.setVariable(IssuanceProcess.AWAITING_PLATFORM, outcome.awaitingPlatform());
        if (outcome.awaitingPlatform()) {
            execution.setVariable(IssuanceProcess.PLATFORM_POLL_INTERVAL, issuance.platformPollInterval().toString());
        }
    }

    static long requestId(DelegateExecution execution) {
        Object requestId = execution.getVariable(IssuanceProcess.REQUEST_ID);
        if (!(requestId instanceof Long id)) {
            throw new IllegalStateException("variable " + IssuanceProcess.REQUEST_ID + " must be a Long, was " + requestId);
        }
        return id;
    }
}
