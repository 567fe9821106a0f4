package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.platform.PlatformClient;
import dev.fapiaoflow.platform.PlatformOrder;
import dev.fapiaoflow.platform.PlatformRefused;
import dev.fapiaoflow.platform.PlatformResult;
import dev.fapiaoflow.platform.RedLetterApplication;
import dev.fapiaoflow.platform.RedLetterConfirmation;
import dev.fapiaoflow.shared.TimeConfig;

/**
 * Red-letter correction of an invoice the platform issued goes through the platform too: a red-letter confirmation
 * (红字确认单), after which the platform issues the red-letter invoice under our serial {@code FFR<invoiceId>N<n>}, waited for briefly; a repeat (a retried
 * job) finds the serial known and only waits for its answer, so it never files a second red-letter invoice. The
 * corrected re-issue is asked for the same way under {@code FFX<originalId>} (one re-issue per original), recorded in
 * {@code platform_submission} as part 0 of the request, so it counts as issued there for its own later corrections.
 */
@Component
class PlatformCorrections {

    record IssuedOnPlatform(String number, Instant issuedAt, byte[] pdf, byte[] ofd) {
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final PlatformSubmissionRepository submissions;
    private final PlatformClient platform;
    private final Clock clock;

    /** the part number of a re-issue's submission: not one of the request's own parts (those start at 1) */
    static final int REISSUE_PART = 0;

    private final TransactionTemplate ownTransaction;
    private final PlatformAttempts attempts;

    private final SellerProperties seller;

    PlatformCorrections(PlatformSubmissionRepository submissions, PlatformClient platform, ObjectProvider<Clock> clock,
            PlatformTransactionManager transactions, PlatformAttempts attempts, SellerProperties seller) {
        this.seller = seller;
        this.attempts = attempts;
        this.submissions = submissions;
        this.platform = platform;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    static String reissueSerialOf(long originalId) {
        return "FFX" + originalId;
    }

    boolean issuedThere(Invoice invoice) {
        return invoice.id() != null && submissions.existsByInvoiceId(invoice.id());
    }

    /**
     * Reverses {@code gross} of a fully digital invoice the platform issued: files the red-letter confirmation
     * (红字确认单) under our own application id {@code FFRC<invoiceId>N<n>}, so a repeat finds it instead of filing a
     * second; when it needs no confirmation or both sides confirmed, the platform issues the red-letter invoice under
     * our serial {@code FFR<invoiceId>N<n>}. While the buyer has yet to confirm (a used invoice), this throws for the job
     * to retry later; a confirmation denied, expired or cancelled is refused for an operator.
     */
    IssuedOnPlatform redFlush(Invoice original, BigDecimal gross, RedLetterReason reason, int redNo) {
        String serial = "FFR" + original.id() + "N" + redNo;
        String billId = "FFRC" + original.id() + "N" + redNo;
        boolean submitted = platform.knownResult(serial).isPresent() || platform.find(serial).isPresent();
        if (!submitted) {
            boolean whole = gross.compareTo(original.totalAmount()) == 0;
            Invoice red = Invoice.partialRedLetterFor(original, gross, reason, "0".repeat(20),
                    LocalDate.ofInstant(clock.instant(), TimeConfig.CHINA), clock.instant(), seller);
            RedLetterApplication application = PlatformOrders.redApplication(billId, serial, original, red, whole, reason, seller);
            RedLetterConfirmation confirmation = platform.redLetterConfirmation(billId).orElseGet(() -> {
                platform.applyRedLetterConfirmation(application);
                return platform.redLetterConfirmation(billId).orElseThrow(() -> new IllegalStateException(
                        "platform does not know red-letter confirmation " + billId + " it accepted; the retry asks again"));
            });
            if (confirmation.state().isFinal()) {
                throw new PlatformRefused("red-confirm-" + confirmation.state(), "red-letter confirmation " + billId + " is "
                        + confirmation.state() + ": " + confirmation.message());
            }
            if (!confirmation.state().allowsRedInvoice()) {
                throw new IllegalStateException("red-letter confirmation " + billId + " is " + confirmation.state()
                        + " (the buyer confirms within 72 hours); the retry looks again");
            }
            if (application.bluePaper()) {
                // the platform issues the red of an electronic invoice by itself, that of a paper one only when asked
                platform.issueRedOfPaper(serial, application, confirmation);
            }
        }
        PlatformResult result = awaitIssued(serial, "red-letter");
        if (result.totalAmount() == null || result.totalAmount().compareTo(gross.negate()) != 0) {
            throw new IllegalStateException("platform red-letter " + serial + " totals " + result.totalAmount() + ", not -" + gross);
        }
        return new IssuedOnPlatform(result.invoiceNumber(), result.issuedAt() == null ? clock.instant() : result.issuedAt(),
                platform.download(result.pdfUrl()), result.ofdUrl() == null ? null : platform.download(result.ofdUrl()));
    }

    /**
     * Asks the platform for the corrected invoice {@code candidate} (lines, buyer and type as they will be stored; its own
     * number is not used) and waits for it. A repeat (a retried job, a 5xx after the platform issued) finds the serial
     * known and only waits for the answer, so the platform issues one re-issue per original.
     */
    IssuedOnPlatform reissue(Invoice original, Invoice candidate) {
        String serial = reissueSerialOf(original.id());
        ensureSubmission(serial, original.requestId());
        boolean submitted = platform.knownResult(serial).isPresent() || platform.find(serial).isPresent();
        if (!submitted) {
            attempts.count(serial);
            platform.issue(order(serial, candidate));
            ownTransaction.executeWithoutResult(status -> submissions.findById(serial).orElseThrow().submitted(clock.instant()));
        }
        PlatformResult result = awaitIssued(serial, "re-issue");
        if (result.totalAmount() == null || result.totalAmount().compareTo(candidate.totalAmount()) != 0) {
            throw new IllegalStateException("platform re-issue " + serial + " totals " + result.totalAmount() + ", not " + candidate.totalAmount());
        }
        if (result.invoiceNumber() == null || !result.invoiceNumber().matches("\\d{20}")) {
            throw new IllegalStateException("platform number of re-issue " + serial + " is not 20 digits: " + result.invoiceNumber());
        }
        return new IssuedOnPlatform(result.invoiceNumber(), result.issuedAt() == null ? clock.instant() : result.issuedAt(),
                platform.download(result.pdfUrl()), result.ofdUrl() == null ? null : platform.download(result.ofdUrl()));
    }

    /** Links the stored re-issue to its serial (in the caller's transaction, with the invoice). */
    void reissueStored(long originalId, long reissueId) {
        submissions.findById(reissueSerialOf(originalId)).orElseThrow().stored(reissueId);
    }

    private void ensureSubmission(String serial, long requestId) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (submissions.findById(serial).isEmpty()) {
                    submissions.saveAndFlush(new PlatformSubmission(serial, requestId, REISSUE_PART, clock.instant()));
                }
            });
        } catch (DataIntegrityViolationException concurrentlyCreated) {
            // the other caller's row serves as ours
        }
    }

    private PlatformOrder order(String serial, Invoice candidate) {
        return PlatformOrders.fromInvoice(serial, clock.instant(), candidate, seller);
    }

    private PlatformResult awaitIssued(String serial, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<PlatformResult> known = platform.knownResult(serial).filter(PlatformResult::issued);
            PlatformResult result = known.orElseGet(() -> platform.query(serial));
            if (result.issued()) {
                return result;
            }
            if (result.status() == PlatformResult.Status.FAILED) {
                throw new IllegalStateException("platform failed " + what + " " + serial + ": " + result.message());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("platform " + what + " " + serial + " not issued within " + WAIT + "; the retry waits again");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
