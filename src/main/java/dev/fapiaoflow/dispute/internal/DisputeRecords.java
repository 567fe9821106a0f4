package dev.fapiaoflow.dispute.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.dispute.DisputeEvent;
import dev.fapiaoflow.issuance.InvoiceFacts;
import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.NotFoundException;

/**
 * Finding a dispute, its invoice, and announcing its resolution: what the desk, the conversation, the process steps and
 * the corrections all need, kept in one place so "who may read a dispute" is answered the same way everywhere.
 */
@Component
public class DisputeRecords {

    private final DisputeRepository disputes;
    private final IssuanceService issuance;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisputeRecords(DisputeRepository disputes, IssuanceService issuance, ApplicationEventPublisher events, Clock clock) {
        this.disputes = disputes;
        this.issuance = issuance;
        this.events = events;
        this.clock = clock;
    }

    /** The dispute if this user may read it: its customer, or the back office; anyone else gets 404. */
    public Dispute readable(CurrentUser user, long id) {
        return disputes.findById(id)
                .filter(dispute -> user.mayRead(dispute.customer()))
                .orElseThrow(() -> new NotFoundException("dispute", id));
    }

    /** A dispute the process names: missing is a technical failure (the engine retries), not a user's 404. */
    public Dispute load(long id) {
        return disputes.findById(id).orElseThrow(() -> new IllegalStateException("no dispute " + id));
    }

    public InvoiceFacts invoiceOf(Dispute dispute) {
        return issuance.facts(dispute.invoiceId())
                .orElseThrow(() -> new IllegalStateException("dispute " + dispute.id() + " names no invoice"));
    }

    /** tells other features (audit, webhooks, reports) that the dispute is closed with its outcome */
    public void resolved(Dispute dispute) {
        events.publishEvent(new DisputeEvent(DisputeEvent.Type.RESOLVED, dispute.id(), dispute.invoiceId(), dispute.customer(),
                dispute.reason().name(), dispute.outcome().name(), clock.instant()));
    }
}
