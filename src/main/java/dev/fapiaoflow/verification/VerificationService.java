package dev.fapiaoflow.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.issuance.VerifiableInvoice;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.verification.internal.AnomalyDetector;
import dev.fapiaoflow.verification.internal.AnswerInvoices;
import dev.fapiaoflow.verification.internal.Check;
import dev.fapiaoflow.verification.internal.CheckInput;
import dev.fapiaoflow.verification.internal.ClientRateLimiter;
import dev.fapiaoflow.verification.internal.VerificationProperties;
import dev.fapiaoflow.verification.internal.VerificationRecord;
import dev.fapiaoflow.verification.internal.VerificationRecordRepository;

/**
 * Checks one invoice the way the national platform does: number, issue date and total including tax. Every
 * check that is made is recorded; the abuse limits come first, so neither a flood nor a probe reaches the data.
 */
@Service
public class VerificationService {

    private final IssuanceService issuance;
    private final VerificationRecordRepository records;
    private final ClientRateLimiter rateLimiter;
    private final VerificationProperties properties;
    private final AnomalyDetector anomalies;
    private final Clock clock;

    VerificationService(IssuanceService issuance, VerificationRecordRepository records, ClientRateLimiter rateLimiter,
            VerificationProperties properties, AnomalyDetector anomalies, ObjectProvider<Clock> clock) {
        this.issuance = issuance;
        this.anomalies = anomalies;
        this.records = records;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * @throws VerificationRefused when the client is over its rate limit, or has had too many mismatches for the
     *         number today (that refusal is recorded as LOCKED)
     * @throws dev.fapiaoflow.shared.InvalidInputException for malformed fields, all of them at once
     */
    @Transactional(noRollbackFor = VerificationRefused.class)
    public VerificationAnswer verify(Verifier verifier, String number, String issueDate, String totalAmount) {
        rateLimiter.acquire(verifier);
        Check check = CheckInput.parse(number, issueDate, totalAmount);
        Outcome outcome = check(verifier, check);
        if (outcome.result() != VerificationResult.MATCH) {
            return VerificationAnswer.bare(outcome.result());
        }
        long parties = records.countDistinctClients(check.number(), VerificationResult.MATCH);
        return new VerificationAnswer(VerificationResult.MATCH, outcome.status(),
                AnswerInvoices.of(outcome.invoice(), verifier.seesWholeBuyerOf(outcome.invoice().owner())), parties);
    }

    /** What one recorded check found; {@code status} and {@code invoice} only for a MATCH. */
    record Outcome(VerificationResult result, VerificationStatus status, VerifiableInvoice invoice) {
    }

    /**
     * The daily lock, the lookup, the matching and the record, shared by single and batch checks (a batch row
     * takes from the caller's rate limit and counts towards the caller's lock like a single check does).
     * Runs in the caller's transaction; anomaly flags are judged after it commits.
     * <p>
     * The lock is the caller's own ({@link Verifier#clientId}: the user, or the address of an anonymous caller): it
     * stops that caller guessing a number's date and amount, and never the owner or anyone else checking the same
     * number (once it locked the number for everybody, so five wrong checks, or one batch, could lock thousands of
     * invoices for the day). Guessing from many addresses meets the anomaly flags for finance instead.
     *
     * @throws VerificationRefused LOCKED, after recording it
     */
    Outcome check(Verifier verifier, Check check) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TimeConfig.CHINA);
        // counted in the shared database, so the lock holds on every node; two nodes racing at the fifth
        // mismatch may each let one more through, which still leaves guessing hopeless
        if (records.countByNumberAndCheckDayAndResultAndClientId(check.number(), today, VerificationResult.MISMATCH,
                verifier.clientId()) >= properties.mismatchesPerDay()) {
            record(verifier, check, now, VerificationResult.LOCKED, null);
            throw new VerificationRefused(VerificationRefused.Reason.LOCKED, secondsUntilMidnight(now, today));
        }
        Optional<VerifiableInvoice> found = issuance.findByNumber(check.number());
        if (found.isEmpty()) {
            record(verifier, check, now, VerificationResult.NOT_FOUND, null);
            return new Outcome(VerificationResult.NOT_FOUND, null, null);
        }
        VerifiableInvoice invoice = found.get();
        if (!check.matches(invoice)) {
            record(verifier, check, now, VerificationResult.MISMATCH, null);
            anomalies.checked(new AnomalyDetector.Checked(invoice.id(), invoice.number(), invoice.owner(), VerificationResult.MISMATCH, null));
            return new Outcome(VerificationResult.MISMATCH, null, null);
        }
        VerificationStatus status = VerificationStatus.of(invoice.status());
        record(verifier, check, now, VerificationResult.MATCH, status);
        anomalies.checked(new AnomalyDetector.Checked(invoice.id(), invoice.number(), invoice.owner(), VerificationResult.MATCH, status));
        return new Outcome(VerificationResult.MATCH, status, invoice);
    }

    /** The user's own checks, newest first. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> historyOf(String userId, int page, int size) {
        return records.findByUserIdOrderByCheckedAtDescIdDesc(userId, PageRequest.of(page, size)).stream()
                .map(VerificationRecord::toHistoryEntry)
                .toList();
    }

    private void record(Verifier verifier, Check check, Instant now, VerificationResult result, VerificationStatus status) {
        records.save(new VerificationRecord(now, LocalDate.ofInstant(now, TimeConfig.CHINA), verifier.clientId(),
                verifier.userId(), check.number(), result, status));
    }

    private static long secondsUntilMidnight(Instant now, LocalDate today) {
        Instant midnight = today.plusDays(1).atStartOfDay(TimeConfig.CHINA).toInstant();
        return Duration.between(now, midnight).toSeconds() + 1;
    }
}
