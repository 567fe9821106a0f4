package dev.fapiaoflow.issuance;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service task {@value IssuanceProcess#ISSUE_INVOICES} of {@value IssuanceProcess#KEY}. There is no business
 * error to model: a request reaching issuance was validated, so every failure is technical and is thrown
 * for the engine to retry and then raise an incident. Through the platform adapter it leaves
 * {@value IssuanceProcess#AWAITING_PLATFORM} true, and the process waits for the callback or polls.
 *
 * <p>The issuing runs in a short transaction of its own that commits before the job goes on to
 * {@value IssuanceProcess#STORE_DOCUMENTS} in the same job (ADR 0011): numbers and invoices commit together, so
 * nothing is lost or skipped, and the number sequence is locked only for that commit, not while the PDFs are
 * rendered. When the job fails after it (rendering, signing, the engine's own commit), the retry finds the invoices
 * issued and issues nothing again ({@code InvoiceIssuer#issue}, {@code reissue}, the platform's submission record).
 *
 * <p>Before a request's first numbering it asks the request's owner whether the request may still be issued: its checks
 * ran when it was accepted, and an order refunded since then ends it with BPMN error
 * {@value IssuanceProcess#REQUEST_NO_LONGER_ISSUABLE}, which {@code invoice-request} turns into a rejection.
 */
@Component("issueInvoiceDelegate")
class IssueInvoiceDelegate implements JavaDelegate {

    private final IssuanceService issuance;
    private final MeterRegistry meters;
    private final TransactionTemplate ownTransaction;
    private final InvoiceDraftSource requests;

    IssueInvoiceDelegate(IssuanceService issuance, MeterRegistry meters, PlatformTransactionManager transactions,
            InvoiceDraftSource requests) {
        this.issuance = issuance;
        this.requests = requests;
        this.meters = meters;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Timed as {@code fapiaoflow.issuance.duration} (outcome success or failure; a failure is retried by the engine). */
    @Override
    public void execute(DelegateExecution execution) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failure";
        try {
            IssuingOutcome issued = ownTransaction.execute(status -> issue(execution));
            if (issued != null) {
                execution.setVariable(IssuanceProcess.AWAITING_PLATFORM, issued.awaitingPlatform());
                if (issued.awaitingPlatform()) {
                    execution.setVariable(IssuanceProcess.PLATFORM_POLL_INTERVAL, issuance.platformPollInterval().toString());
                }
            }
            outcome = "success";
        } finally {
            sample.stop(Timer.builder("fapiaoflow.issuance.duration").tag("outcome", outcome)
                    .description("one issuance step: numbering, rendering and storing a request's invoices")
                    .register(meters));
        }
    }

    /** the re-issue of a corrected invoice (no outcome), or the request's issuing */
    private IssuingOutcome issue(DelegateExecution execution) {
        Object replaces = execution.getVariable(IssuanceProcess.REPLACES_INVOICE_ID);
        if (replaces != null) {
            if (!(replaces instanceof Long original)) {
                throw new IllegalStateException("variable " + IssuanceProcess.REPLACES_INVOICE_ID + " must be a Long, was " + replaces);
            }
            issuance.reissueFor(original);
            return null;
        }
        long requestId = requestId(execution);
        if (issuance.invoicesOfRequest(requestId).isEmpty()) {   // a repeat after the numbers committed goes on
            Optional<String> reason = requests.noLongerIssuable(requestId);
            if (reason.isPresent()) {
                throw new BpmnError(IssuanceProcess.REQUEST_NO_LONGER_ISSUABLE, reason.get());
            }
        }
        return issuance.startIssuing(requestId);
    }

    static long requestId(DelegateExecution execution) {
        Object requestId = execution.getVariable(IssuanceProcess.REQUEST_ID);
        if (!(requestId instanceof Long id)) {
            throw new IllegalStateException("variable " + IssuanceProcess.REQUEST_ID + " must be a Long, was " + requestId);
        }
        return id;
    }
}
