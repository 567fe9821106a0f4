package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.issuance.InvoiceEvent;
import dev.fapiaoflow.issuance.InvoiceKind;
import dev.fapiaoflow.issuance.InvoiceMedium;
import dev.fapiaoflow.issuance.InvoiceStatus;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.IssuerSelection;
import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.issuance.ReversibleInvoice;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.shared.Texts;

/**
 * What may happen to an issued invoice afterwards: a red-letter invoice reversing all or part of it, voiding in its
 * month of issue, and the corrected re-issue. Red-letter and re-issued invoices take their numbers from the same
 * gap-free sequence as every invoice, in the transaction that stores them; each step holds the sequence lock before
 * it looks at what exists, so a repeated step (a retried job) finds its first result instead of issuing again.
 */
@Component
public class InvoiceCorrections {

    private static final Logger log = LoggerFactory.getLogger(InvoiceCorrections.class);

    private final InvoiceRepository invoices;
    private final InvoiceDocuments invoiceDocuments;
    private final InvoiceNumberAllocator numbers;
    private final SellerProperties seller;
    private final InvoiceLimit limit;
    private final Clock clock;
    private final InvoiceEvents events;
    private final PlatformCorrections platform;
    private final IssuerSelection issuers;

    InvoiceCorrections(InvoiceRepository invoices, InvoiceDocuments invoiceDocuments, InvoiceNumberAllocator numbers, SellerProperties seller, InvoiceLimit limit, ObjectProvider<Clock> clock,
            InvoiceEvents events, PlatformCorrections platform, IssuerSelection issuers) {
        this.issuers = issuers;
        this.events = events;
        this.platform = platform;
        this.limit = limit;
        this.invoices = invoices;
        this.invoiceDocuments = invoiceDocuments;
        this.numbers = numbers;
        this.seller = seller;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Reverses the whole invoice; the original becomes RED_FLUSHED. Returns the red-letter invoice's id. */
    @Transactional
    public long redLetter(long originalId, RedLetterReason reason, String actor) {
        Instant now = clock.instant();
        LocalDate issueDate = LocalDate.ofInstant(now, TimeConfig.CHINA);
        numbers.lock(issueDate);
        Invoice original = load(originalId);
        if (original.status() == InvoiceStatus.RED_FLUSHED) {
            return reds(original).stream().map(Invoice::id).max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException(original + " is red-flushed without a red-letter invoice"));
        }
        Invoice red;
        if (platform.issuedThere(original)) {
            PlatformCorrections.IssuedOnPlatform issued = platform.redFlush(original, remaining(original), reason, reds(original).size() + 1);
            LocalDate redDate = LocalDate.ofInstant(issued.issuedAt(), TimeConfig.CHINA);
            red = original.status() == InvoiceStatus.PARTIALLY_RED_FLUSHED
                    ? Invoice.partialRedLetterFor(original, remaining(original), reason, issued.number(), redDate, issued.issuedAt(), seller)
                    : Invoice.redLetterFor(original, reason, issued.number(), redDate, issued.issuedAt(), seller);
            storePlatformDocuments(invoices.save(red), issued, now);
        } else {
            red = original.status() == InvoiceStatus.PARTIALLY_RED_FLUSHED
                    ? Invoice.partialRedLetterFor(original, remaining(original), reason, numbers.next(issueDate), issueDate,
                            now, seller)
                    : Invoice.redLetterFor(original, reason, numbers.next(issueDate), issueDate, now, seller);
            store(red, original.number(), now);
        }
        original.markRedFlushed(actor, now, Texts.inProductLanguage("invoice.history.redFlushedBy", red.number(), reason.code(), reason.label()));
        events.publish(InvoiceEvent.Type.RED_FLUSHED, original, red.number());
        log.info("Red-letter invoice {} reverses invoice {}", red.id(), original.id());
        return red.id();
    }

    /**
     * Reverses {@code refundedGross} (tax included) of the invoice: RED_FLUSHED when nothing is left of it, else
     * PARTIALLY_RED_FLUSHED. Callers guard against repeating it (a refund is reversed once, by its own key).
     */
    @Transactional
    public long partialRedLetter(long originalId, BigDecimal refundedGross, RedLetterReason reason, String actor) {
        Instant now = clock.instant();
        LocalDate issueDate = LocalDate.ofInstant(now, TimeConfig.CHINA);
        numbers.lock(issueDate);
        Invoice original = load(originalId);
        BigDecimal remaining = remaining(original);
        if (refundedGross.compareTo(remaining) > 0 || original.status() == InvoiceStatus.VOIDED) {
            throw new IllegalStateException("cannot reverse " + refundedGross + " of " + original + ", " + remaining + " left");
        }
        Invoice red;
        if (platform.issuedThere(original)) {
            PlatformCorrections.IssuedOnPlatform issued = platform.redFlush(original, refundedGross, reason, reds(original).size() + 1);
            red = Invoice.partialRedLetterFor(original, refundedGross, reason, issued.number(),
                    LocalDate.ofInstant(issued.issuedAt(), TimeConfig.CHINA), issued.issuedAt(), seller);
            storePlatformDocuments(invoices.save(red), issued, now);
        } else {
            red = Invoice.partialRedLetterFor(original, refundedGross, reason, numbers.next(issueDate), issueDate, now,
                    seller);
            store(red, original.number(), now);
        }
        String note = Texts.inProductLanguage("invoice.history.redFlushedBy", red.number(), reason.code(), reason.label());
        if (refundedGross.compareTo(remaining) == 0) {
            original.markRedFlushed(actor, now, note);
        } else {
            original.markPartiallyRedFlushed(actor, now, note);
        }
        events.publish(InvoiceEvent.Type.RED_FLUSHED, original, red.number());
        return red.id();
    }

    /**
     * The corrected invoice for a red-flushed or voided one: same lines, the corrected buyer, a new number. A second
     * call for the same original returns the first re-issue.
     */
    @Transactional
    public long reissue(long originalId, BuyerDetails correctedBuyer) {
        return reissue(originalId, correctedBuyer, null);
    }

    /** As {@link #reissue(long, BuyerDetails)}, as {@code type} (null: the original's type). */
    @Transactional
    public long reissue(long originalId, BuyerDetails correctedBuyer, InvoiceType type) {
        return reissue(originalId, correctedBuyer, type, null);
    }

    /** As {@link #reissue(long, BuyerDetails, InvoiceType)}, with {@code recomputed} lines (null: the original's). */
    @Transactional
    public long reissue(long originalId, BuyerDetails correctedBuyer, InvoiceType type, List<TaxLine> recomputed) {
        Instant now = clock.instant();
        LocalDate issueDate = LocalDate.ofInstant(now, TimeConfig.CHINA);
        numbers.lock(issueDate);
        Optional<Invoice> before = invoices.findByReplacesInvoiceId(originalId);
        if (before.isPresent()) {
            return before.get().id();
        }
        Invoice original = load(originalId);
        InvoiceType reissueType = type == null ? original.type() : type;
        Invoice reissued;
        // a seller connected through the platform has no numbering of its own with the tax office
        if (platform.issuedThere(original) || IssuerSelection.PLATFORM.equals(issuers.current())) {
            Invoice candidate = reissueOf(original, correctedBuyer, reissueType, recomputed, null, issueDate, now);
            PlatformCorrections.IssuedOnPlatform issued = platform.reissue(original, candidate);
            reissued = invoices.save(reissueOf(original, correctedBuyer, reissueType, recomputed, issued.number(),
                    LocalDate.ofInstant(issued.issuedAt(), TimeConfig.CHINA), issued.issuedAt()));
            storePlatformDocuments(reissued, issued, now);
            platform.reissueStored(original.id(), reissued.id());
        } else {
            reissued = reissueOf(original, correctedBuyer, reissueType, recomputed, numbers.next(issueDate), issueDate, now);
            store(reissued, null, now);
        }
        original.recordNote(Invoice.SYSTEM, now, Texts.inProductLanguage("invoice.history.reissuedAs", reissued.number()));
        events.publish(InvoiceEvent.Type.ISSUED, reissued, null);
        log.info("Invoice {} re-issued as {}", original.id(), reissued.id());
        return reissued.id();
    }

    private Invoice reissueOf(Invoice original, BuyerDetails buyer, InvoiceType type, List<TaxLine> recomputed, String number,
            LocalDate issueDate, Instant issuedAt) {
        return recomputed == null
                ? Invoice.reissueOf(original, buyer, type, number, issueDate, issuedAt, seller)
                : Invoice.reissueOf(original, buyer, type, recomputed, number, issueDate, issuedAt, seller);
    }

    /** Whether a re-issue of this total fits on one invoice of that type (the limits differ by type). */
    public boolean fitsOneInvoice(InvoiceType type, BigDecimal total) {
        return total.compareTo(limit.maxTotalPerInvoice(type)) <= 0;
    }

    /** Whether the invoice may still be voided: a paper one, not reversed, voided or received, in its month of issue. */
    @Transactional(readOnly = true)
    public boolean voidable(long invoiceId) {
        return voidable(load(invoiceId));
    }

    @Transactional
    public void voidInvoice(long invoiceId, String actor, String reason) {
        Invoice invoice = load(invoiceId);
        if (platform.issuedThere(invoice)) {
            throw new IllegalStateException(invoice + " is a fully digital invoice (数电票) issued by the platform: it is never"
                    + " voided, only reversed by a red-letter invoice");
        }
        if (!voidable(invoice)) {
            throw new IllegalStateException(invoice + " cannot be voided any more");
        }
        invoice.markVoided(actor, clock.instant(), reason);
        events.publish(InvoiceEvent.Type.VOIDED, invoice, null);
    }

    /**
     * Whether the e-invoice platform issued the invoice (a red-letter one: whether it issued the invoice it reverses),
     * so its documents are the platform's; otherwise it is a local-mode demonstration numbered and rendered here.
     */
    public boolean issuedByPlatform(long invoiceId) {
        Invoice invoice = load(invoiceId);
        if (platform.issuedThere(invoice)) {
            return true;
        }
        return invoice.originalInvoiceId() != null && platform.issuedThere(load(invoice.originalInvoiceId()));
    }

    /**
     * Voiding is for a paper invoice (数电纸质发票) that has not reached the buyer, in its month of issue (Shanghai); the
     * caller also checks that it has not been posted. An electronic one (数电票 pc/bs) is never voided, in either mode:
     * it is corrected by red-letter only. A paper invoice the platform issued is not voided here either: voiding it
     * would go through the platform's own cancellation, which this adapter does not call, so it is red-lettered.
     */
    private boolean voidable(Invoice invoice) {
        return invoice.medium() == InvoiceMedium.PAPER && !platform.issuedThere(invoice) && invoice.kind() == InvoiceKind.BLUE
                && invoice.status() == InvoiceStatus.ISSUED
                && YearMonth.from(invoice.issueDate()).equals(YearMonth.from(LocalDate.ofInstant(clock.instant(), TimeConfig.CHINA)));
    }

    private void store(Invoice invoice, String originalNumber, Instant now) {
        invoices.save(invoice);
        invoiceDocuments.store(invoice, originalNumber, now);
    }

    private void storePlatformDocuments(Invoice red, PlatformCorrections.IssuedOnPlatform issued, Instant now) {
        invoiceDocuments.storeIssuedElsewhere(red, InvoiceDocument.PDF, issued.pdf(), now);
        if (issued.ofd() != null) {
            invoiceDocuments.storeIssuedElsewhere(red, InvoiceDocument.OFD, issued.ofd(), now);
        }
    }

    private List<Invoice> reds(Invoice original) {
        return invoices.findByOriginalInvoiceIdOrderById(original.id()).stream()
                .filter(invoice -> invoice.kind() == InvoiceKind.RED).toList();
    }

    @Transactional(readOnly = true)
    public List<ReversibleInvoice> reversibleOfRequest(long requestId) {
        return invoices.findByRequestIdOrderById(requestId).stream()
                .filter(invoice -> invoice.kind() == InvoiceKind.BLUE)
                .filter(invoice -> invoice.status() == InvoiceStatus.ISSUED || invoice.status() == InvoiceStatus.DELIVERED
                        || invoice.status() == InvoiceStatus.PARTIALLY_RED_FLUSHED)
                .map(invoice -> new ReversibleInvoice(invoice.id(), invoice.number(), invoice.totalAmount(), remaining(invoice)))
                .toList();
    }

    /** the gross amount not yet reversed by red-letter invoices */
    private BigDecimal remaining(Invoice original) {
        BigDecimal reversed = reds(original).stream().map(Invoice::totalAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return original.totalAmount().add(reversed);
    }

    private Invoice load(long id) {
        return invoices.findById(id).orElseThrow(() -> new NotFoundException("invoice", id));
    }
}
