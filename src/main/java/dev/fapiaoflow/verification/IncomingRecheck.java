package dev.fapiaoflow.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

import dev.fapiaoflow.verification.internal.ForeignInvoiceQuery;
import dev.fapiaoflow.verification.internal.IncomingInvoiceStore;
import dev.fapiaoflow.verification.internal.RecheckProperties;

/**
 * The scheduled re-check of the incoming-invoice ledger: which entries are due (not final, no review waiting, last
 * checked longer ago than {@code stale-after}, at most {@code batch-size} a run), each one's check through the provider
 * (the national daily limit holds: an invoice whose checks of today are used is left for the next run), and finance's
 * decision on a changed status. Named {@code incomingRecheck} for the model's multi-instance collection.
 */
@Service("incomingRecheck")
@EnableConfigurationProperties(RecheckProperties.class)
public class IncomingRecheck {

    private static final Logger log = LoggerFactory.getLogger(IncomingRecheck.class);

    /** what finance decided about a changed status: 无需处理, 进项转出, 联系供应商换票 */
    public enum Decision { NO_ACTION, TRANSFER_OUT, CONTACT_SUPPLIER }

    /** {@code checked} false when the invoice was left for the next run (its national checks of today are used). */
    public record Outcome(boolean checked, ForeignInvoiceStatus previous, ForeignInvoiceStatus current) {

        public boolean changed() {
            return checked && previous != current;
        }
    }

    private final ForeignVerificationService foreign;
    private final IncomingInvoiceStore store;
    private final RecheckProperties properties;
    private final Clock clock;

    IncomingRecheck(ForeignVerificationService foreign, IncomingInvoiceStore store, RecheckProperties properties,
            ObjectProvider<Clock> clock) {
        this.foreign = foreign;
        this.store = store;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** The bean the model's timer start event reads as {@code ${incomingRecheckConfig.cycle}}. */
    @Bean
    static IncomingRecheckConfig incomingRecheckConfig(RecheckProperties properties) {
        return new IncomingRecheckConfig(properties.cycle());
    }

    /** Ids of the entries to re-check in this run, the longest unchecked first; none without a provider. */
    public List<Long> dueForRecheck() {
        if (!foreign.providerConfigured()) {
            return List.of();
        }
        Instant now = clock.instant();
        return store.dueForRecheck(now.minus(properties.staleAfter()), foreign.today().minusYears(5).plusDays(1), properties.batchSize());
    }

    /**
     * Checks one entry again and records the status found (a MISMATCH or NOT_FOUND now is {@code ABNORMAL}: the
     * authority no longer confirms what it confirmed).
     *
     * @throws VerificationRefused (PROVIDER_UNAVAILABLE) while the provider cannot answer: the job is retried
     */
    public Outcome recheck(long invoiceId) {
        IncomingInvoiceStore.RecheckFacts facts = store.recheckFacts(invoiceId)
                .orElseThrow(() -> new IllegalArgumentException("no incoming invoice " + invoiceId));
        ForeignInvoiceQuery query = ForeignInvoiceQuery.parse(facts.kind(), facts.code(), facts.number(), facts.issueDate().toString(),
                facts.totalAmount(), facts.amountExcludingTax(), facts.checkCode(), foreign.today());
        ForeignCheckAnswer answer;
        try {
            answer = foreign.recheck(query);
        } catch (VerificationRefused e) {
            if (e.reason() != VerificationRefused.Reason.DAILY_LIMIT) {
                throw e;
            }
            log.info("Incoming invoice {} left for the next re-check: {}", invoiceId, e.getMessage());
            return new Outcome(false, facts.status(), facts.status());
        }
        ForeignInvoiceStatus current = answer.result() == ForeignCheckAnswer.Result.MATCH && answer.status() != null ? answer.status()
                : ForeignInvoiceStatus.ABNORMAL;
        store.recordRecheck(invoiceId, facts.status(), current, answer.checkedAt() == null ? clock.instant() : answer.checkedAt());
        return new Outcome(true, facts.status(), current);
    }

    /**
     * Records finance's decision on a changed status with the entry and its history.
     *
     * @throws IllegalArgumentException for a decision the form does not offer: the task stays open
     */
    public void recordReview(long invoiceId, String decision, String note, String reviewer) {
        Decision chosen = Decision.valueOf(decision);
        store.recordReview(invoiceId, chosen.name(), note == null || note.isBlank() ? null : note.strip(), reviewer, clock.instant());
    }
}
