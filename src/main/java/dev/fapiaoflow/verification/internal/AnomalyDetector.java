package dev.fapiaoflow.verification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.verification.AnomalyKind;
import dev.fapiaoflow.verification.VerificationResult;
import dev.fapiaoflow.verification.VerificationStatus;

/**
 * Raises anomaly flags from recorded checks. The rules run after the check's transaction commits, each in a
 * transaction of its own: only then do they see the checks that other transactions committed at the same moment
 * (two parties matching at once must count as two), and a flag that cannot be written never undoes a check that was
 * answered. One open flag per invoice and kind: looked up first, and the unique {@code open_key} settles a race,
 * the losing insert being dropped.
 * <p>
 * Off the request path (issue 21): a committed check is queued, and one background thread judges what has queued up
 * since its last round, each distinct check once (at peak a popular invoice's hundred checks are one judgement;
 * the rules count from the database, so judging once later finds what judging each would have found). Whoever reads
 * flags calls {@link #judgePending()} first, so the list, the timeline and the reports never miss a committed check
 * of this node; at shutdown the queue is judged before the database goes. A node killed with checks queued loses
 * their judgement until the invoice's next check judges it again (the counts include them).
 */
@Component
public class AnomalyDetector {

    private static final Logger log = LoggerFactory.getLogger(AnomalyDetector.class);

    /** What one check found about an invoice we issued; {@code status} only for a MATCH. */
    public record Checked(long invoiceId, String number, String owner, VerificationResult result, VerificationStatus status) {
    }

    private final VerificationRecordRepository records;
    private final AnomalyFlagRepository flags;
    private final VerificationProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    /** committed checks waiting for their judgement */
    private final Queue<Checked> queued = new ConcurrentLinkedQueue<>();
    /** held while judging, so {@link #judgePending()} returns only after what was queued before it has been judged */
    private final ReentrantLock judging = new ReentrantLock();
    private final Object signal = new Object();
    private volatile boolean running = true;
    private final Thread judgeThread = new Thread(this::judgeQueued, "anomaly-judge");

    AnomalyDetector(VerificationRecordRepository records, AnomalyFlagRepository flags, VerificationProperties properties,
            PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
        this.records = records;
        this.flags = flags;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @PostConstruct
    void start() {
        judgeThread.setDaemon(true);
        judgeThread.start();
    }

    /**
     * Notes a recorded check; its rules run in the background once the current transaction has committed (at once
     * without a transaction). Repeated checks of one invoice queued meanwhile are judged once.
     */
    public void checked(Checked check) {
        if (check.result() != VerificationResult.MATCH && check.result() != VerificationResult.MISMATCH) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            judge(check);
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Checked> pending = (Set<Checked>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Set<Checked> batch = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue(batch);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AnomalyDetector.this);
                }
            });
            pending = batch;
        }
        pending.add(check);
    }

    private void queue(Set<Checked> checks) {
        queued.addAll(checks);
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Judges every check queued so far (in the caller's thread if the background thread has not taken it yet). */
    public void judgePending() {
        if (queued.isEmpty() && !judging.isLocked()) {
            return;
        }
        judging.lock();
        try {
            Set<Checked> round = new LinkedHashSet<>();
            for (Checked next; (next = queued.poll()) != null; ) {
                round.add(next);
            }
            round.forEach(this::judge);
        } finally {
            judging.unlock();
        }
    }

    private void judgeQueued() {
        while (running) {
            try {
                synchronized (signal) {
                    while (running && queued.isEmpty()) {
                        signal.wait();
                    }
                }
                judgePending();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("anomaly judgement failed", e);
            }
        }
    }

    /** Judges what is still queued while the database is still there (this bean goes before the repositories). */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        judgeThread.join(10_000);
        judgePending();
    }

    private void judge(Checked check) {
        if (check.result() == VerificationResult.MISMATCH) {
            inOwnTransaction(check, this::judgeMismatch);
            return;
        }
        if (check.status() == VerificationStatus.VOIDED || check.status() == VerificationStatus.RED_FLUSHED) {
            inOwnTransaction(check, this::judgeInvalidated);
        }
        inOwnTransaction(check, this::judgeMatch);
    }

    /**
     * Each rule in a transaction of its own, so losing one race leaves the other rules' flags standing. A rule that
     * lost the race for the open flag runs once more: it then finds the flag open and only brings its count up.
     */
    private void inOwnTransaction(Checked check, Consumer<Checked> rule) {
        try {
            try {
                ownTransaction.executeWithoutResult(tx -> rule.accept(check));
            } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
                // the unique open_key refused a second open flag (or InnoDB chose this one as a deadlock victim)
                log.debug("anomaly flag of invoice {} raised concurrently", check.invoiceId());
                ownTransaction.executeWithoutResult(tx -> rule.accept(check));
            }
        } catch (RuntimeException e) {
            // the check was answered and recorded; a missing flag must not turn that into an error
            log.warn("could not judge anomalies of invoice {}", check.invoiceId(), e);
        }
    }

    private void judgeInvalidated(Checked check) {
        if (!flags.existsByOpenKey(AnomalyFlag.openKey(check.invoiceId(), AnomalyKind.INVALIDATED_INVOICE_VERIFIED))) {
            flags.saveAndFlush(new AnomalyFlag(check.invoiceId(), check.number(), AnomalyKind.INVALIDATED_INVOICE_VERIFIED,
                    clock.instant(), 1, check.status().name()));
        }
    }

    private void judgeMatch(Checked check) {
        Instant now = clock.instant();
        // the owner checking their own invoice is no second reimbursement
        int parties = (int) records.countDistinctClientsOtherThan(check.number(), VerificationResult.MATCH, "user:" + check.owner());
        if (parties < properties.anomaly().distinctParties()) {
            return;
        }
        String openKey = AnomalyFlag.openKey(check.invoiceId(), AnomalyKind.MULTIPLE_VERIFIERS);
        if (flags.existsByOpenKey(openKey)) {
            flags.raiseEvidence(openKey, parties);
        } else if (parties > flags.maxEvidence(check.invoiceId(), AnomalyKind.MULTIPLE_VERIFIERS)) {
            // after an acknowledgement only a further party raises it again
            flags.saveAndFlush(new AnomalyFlag(check.invoiceId(), check.number(), AnomalyKind.MULTIPLE_VERIFIERS, now, parties, null));
        }
    }

    private void judgeMismatch(Checked check) {
        Instant now = clock.instant();
        Instant since = now.minus(properties.anomaly().mismatchWindow());
        Optional<AnomalyFlag> last = flags.findFirstByInvoiceIdAndKindOrderByRaisedAtDescIdDesc(check.invoiceId(), AnomalyKind.MISMATCH_BURST);
        if (last.isPresent()) {
            if (last.get().acknowledgedAt() == null) {
                return;
            }
            // mismatches finance has already looked at do not count towards the next burst
            if (last.get().acknowledgedAt().isAfter(since)) {
                since = last.get().acknowledgedAt();
            }
        }
        long mismatches = records.countByNumberAndResultAndCheckedAtAfter(check.number(), VerificationResult.MISMATCH, since);
        if (mismatches >= properties.anomaly().mismatchBurst()) {
            flags.saveAndFlush(new AnomalyFlag(check.invoiceId(), check.number(), AnomalyKind.MISMATCH_BURST, now, (int) mismatches, null));
        }
    }
}
