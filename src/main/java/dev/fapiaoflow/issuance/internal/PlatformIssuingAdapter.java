package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.issuance.InvoiceDraft;
import dev.fapiaoflow.issuance.InvoiceDraftSource;
import dev.fapiaoflow.issuance.IssuerSelection;
import dev.fapiaoflow.issuance.IssuingOutcome;
import dev.fapiaoflow.platform.PlatformClient;
import dev.fapiaoflow.platform.PlatformOrder;
import dev.fapiaoflow.platform.PlatformResult;
import dev.fapiaoflow.shared.TimeConfig;

/**
 * Issuing through the e-invoice platform. Each invoice of a request (split at the limit as locally) is asked for under
 * our serial {@code FF<requestId>P<part>}; the platform issues at most one invoice per serial, so a repeated call (a
 * retried job, a 5xx after the platform issued) meets "duplicate serial" and we wait for the answer instead of issuing
 * again. Our bookkeeping of calls commits in transactions of its own, so a failing call still counts against the daily
 * limit. The answer (callback or poll) is stored as an invoice under the platform's number with the platform's PDF
 * and OFD; the invoice's number is unique and a serial stores at most one invoice.
 */
@Component
public class PlatformIssuingAdapter implements InvoiceIssuingAdapter {

    private static final Logger log = LoggerFactory.getLogger(PlatformIssuingAdapter.class);

    private final InvoiceIssuer local;
    private final InvoiceDraftSource drafts;
    private final PlatformClient platform;
    private final PlatformSubmissionRepository submissions;
    private final InvoiceRepository invoices;
    private final InvoiceDocuments invoiceDocuments;
    private final SellerProperties seller;
    private final TransactionTemplate ownTransaction;
    private final PlatformAttempts attempts;
    private final Clock clock;
    private final InvoiceEvents events;

    PlatformIssuingAdapter(InvoiceIssuer local, InvoiceDraftSource drafts, PlatformClient platform,
            PlatformSubmissionRepository submissions, InvoiceRepository invoices, InvoiceDocuments invoiceDocuments,
            SellerProperties seller, PlatformTransactionManager transactions, ObjectProvider<Clock> clock, InvoiceEvents events,
            PlatformAttempts attempts) {
        this.attempts = attempts;
        this.events = events;
        this.local = local;
        this.drafts = drafts;
        this.platform = platform;
        this.submissions = submissions;
        this.invoices = invoices;
        this.invoiceDocuments = invoiceDocuments;
        this.seller = seller;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Override
    public String name() {
        return IssuerSelection.PLATFORM;
    }

    public java.time.Duration pollInterval() {
        return platform.pollInterval();
    }

    public static String serialOf(long requestId, int partNo) {
        return "FF" + requestId + "P" + partNo;
    }

    @Override
    public IssuingOutcome issue(long requestId) {
        List<Invoice> before = invoices.findByRequestIdOrderById(requestId);
        if (!before.isEmpty()) {
            return IssuingOutcome.issued(before.stream().map(Invoice::id).toList());
        }
        InvoiceDraft draft = local.draftFor(requestId);
        List<List<TaxLine>> parts = local.parts(draft);
        for (int i = 0; i < parts.size(); i++) {
            String serial = serialOf(requestId, i + 1);
            PlatformSubmission submission = ensureSubmission(serial, requestId, i + 1);
            if (submission.status() != PlatformSubmission.Status.NEW) {
                continue;
            }
            attempts.count(serial);
            PlatformClient.Submission answer = platform.issue(order(serial, draft, parts.get(i)));
            ownTransaction.executeWithoutResult(status -> submissions.findById(serial).orElseThrow().submitted(clock.instant()));
            log.info("Request {} invoice {} of {} asked of the platform as {} ({})", requestId, i + 1, parts.size(), serial, answer);
        }
        return IssuingOutcome.awaiting();
    }

    /**
     * Stores the invoices the platform has issued for the request: from callbacks kept already, and with
     * {@code poll} by asking the platform about the rest. All stored: the request's owner module is told, once.
     *
     * @throws IllegalStateException when the platform failed a serial, its total differs from ours, or no final answer
     *         came within {@code give-up-after} (the job retries, then raises an incident)
     */
    public IssuingOutcome collect(long requestId, boolean poll) {
        List<PlatformSubmission> asked = submissions.findByRequestIdOrderByPartNo(requestId).stream()
                .filter(submission -> submission.partNo() != PlatformCorrections.REISSUE_PART).toList();
        if (asked.isEmpty()) {
            throw new IllegalStateException("request " + requestId + " was never asked of the platform");
        }
        List<List<TaxLine>> parts = null;
        InvoiceDraft draft = null;
        boolean storedNow = false;
        for (PlatformSubmission submission : asked) {
            if (submission.invoiceId() != null) {
                continue;
            }
            Optional<PlatformResult> result = platform.knownResult(submission.serial());
            if (poll && result.map(r -> r.status() == PlatformResult.Status.PROCESSING).orElse(true)) {
                result = Optional.of(platform.query(submission.serial()));
            }
            if (result.isPresent() && result.get().status() == PlatformResult.Status.FAILED) {
                throw new IllegalStateException("platform failed serial " + submission.serial() + ": " + result.get().message());
            }
            if (result.isPresent() && result.get().issued()) {
                if (draft == null) {
                    draft = local.draftFor(requestId);
                    parts = local.parts(draft);
                }
                submission.stored(store(draft, parts.get(submission.partNo() - 1), result.get()));
                storedNow = true;
            } else if (poll && submission.createdAt().plus(platform.giveUpAfter()).isBefore(clock.instant())) {
                throw new IllegalStateException("no final answer from the platform for serial " + submission.serial()
                        + " since " + submission.createdAt());
            }
        }
        if (asked.stream().anyMatch(submission -> submission.invoiceId() == null)) {
            return IssuingOutcome.awaiting();
        }
        List<Long> ids = asked.stream().map(PlatformSubmission::invoiceId).toList();
        if (storedNow) {
            drafts.invoicesIssued(requestId, ids);
            log.info("Platform issued invoices {} for request {}", ids, requestId);
        }
        return IssuingOutcome.issued(ids);
    }

    private long store(InvoiceDraft draft, List<TaxLine> part, PlatformResult result) {
        BigDecimal ours = part.stream().map(line -> line.amount().gross()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (result.totalAmount() == null || ours.compareTo(result.totalAmount()) != 0) {
            throw new IllegalStateException("platform total " + result.totalAmount() + " of serial " + result.serial()
                    + " differs from ours " + ours);
        }
        if (result.invoiceNumber() == null || !result.invoiceNumber().matches("\\d{20}")) {
            throw new IllegalStateException("platform number of serial " + result.serial() + " is not 20 digits: " + result.invoiceNumber());
        }
        Instant issuedAt = result.issuedAt() == null ? clock.instant() : result.issuedAt();
        LocalDate issueDate = LocalDate.ofInstant(issuedAt, TimeConfig.CHINA);
        Invoice invoice = invoices.save(Invoice.issue(draft, part, result.invoiceNumber(), issueDate, issuedAt, seller));
        Instant now = clock.instant();
        invoiceDocuments.storeIssuedElsewhere(invoice, InvoiceDocument.PDF, platform.download(result.pdfUrl()), now);
        if (result.ofdUrl() != null) {
            invoiceDocuments.storeIssuedElsewhere(invoice, InvoiceDocument.OFD, platform.download(result.ofdUrl()), now);
        }
        events.publish(dev.fapiaoflow.issuance.InvoiceEvent.Type.ISSUED, invoice, null);
        return invoice.id();
    }

    private PlatformSubmission ensureSubmission(String serial, long requestId, int partNo) {
        try {
            return ownTransaction.execute(status -> submissions.findById(serial)
                    .orElseGet(() -> submissions.saveAndFlush(new PlatformSubmission(serial, requestId, partNo, clock.instant()))));
        } catch (DataIntegrityViolationException concurrentlyCreated) {
            return submissions.findById(serial).orElseThrow();
        }
    }

    private PlatformOrder order(String serial, InvoiceDraft draft, List<TaxLine> part) {
        return PlatformOrders.fromTaxLines(serial, clock.instant(), draft.type(), draft.buyer(), draft.remarks(), draft.paper(),
                part, seller);
    }
}
