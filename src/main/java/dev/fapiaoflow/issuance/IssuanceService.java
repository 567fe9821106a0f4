package dev.fapiaoflow.issuance;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.issuance.internal.Invoice;
import dev.fapiaoflow.issuance.internal.InvoiceCorrections;
import dev.fapiaoflow.issuance.internal.InvoiceDocument;
import dev.fapiaoflow.issuance.internal.InvoiceDocumentRepository;
import dev.fapiaoflow.issuance.internal.InvoiceEvents;
import dev.fapiaoflow.issuance.internal.InvoiceDocuments;
import dev.fapiaoflow.issuance.internal.InvoiceIssuer;
import dev.fapiaoflow.issuance.internal.InvoiceIssuingAdapter;
import dev.fapiaoflow.issuance.internal.PlatformIssuingAdapter;
import dev.fapiaoflow.issuance.internal.InvoiceRepository;

/** What other features may ask of issuance: issue a request's invoices, list them, deliver them. */
@Service
public class IssuanceService {

    private final InvoiceIssuer issuer;
    private final InvoiceCorrections corrections;
    private final InvoiceRepository invoices;
    private final InvoiceDocumentRepository documents;
    private final ObjectProvider<InvoiceCorrectionSource> correctionSource;
    private final InvoiceDocuments invoiceDocuments;
    private final Clock clock;
    private final List<InvoiceIssuingAdapter> adapters;
    private final IssuerSelection selection;
    private final PlatformIssuingAdapter platform;
    private final InvoiceEvents events;
    /**
     * Face data of recently checked invoices by number. Holds buyer titles in clear, in this process's memory only (as
     * any request being answered does), never written anywhere; bounded, and dropped a while after the last check.
     */
    private final Cache<String, VerifiableInvoice> faces = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    IssuanceService(InvoiceIssuer issuer, InvoiceCorrections corrections, InvoiceRepository invoices,
            InvoiceDocumentRepository documents, ObjectProvider<InvoiceCorrectionSource> correctionSource,
            InvoiceDocuments invoiceDocuments, ObjectProvider<Clock> clock, List<InvoiceIssuingAdapter> adapters,
            IssuerSelection selection, PlatformIssuingAdapter platform, InvoiceEvents events) {
        this.invoiceDocuments = invoiceDocuments;
        this.events = events;
        this.adapters = adapters;
        this.selection = selection;
        this.platform = platform;
        this.correctionSource = correctionSource;
        this.issuer = issuer;
        this.corrections = corrections;
        this.invoices = invoices;
        this.documents = documents;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * Issues the request's invoices, or returns those already issued for it: a retried job never issues
     * twice. Several invoices only where the per-invoice limit forces a split; a single line above the limit
     * gets an invoice of its own. Runs in the caller's transaction if there is one (a Camunda job's), so the
     * request module's {@link InvoiceDraftSource#invoicesIssued} and the job's completion commit together.
     *
     * @throws IllegalStateException and other runtime exceptions on technical failure (no tax rule for a
     *         category, database, rendering): nothing is kept and no number is used up
     */
    @Transactional
    public List<Long> issueFor(long requestId) {
        List<Long> issued = issuer.issue(requestId);
        issuer.storeDocuments(requestId);
        return issued;
    }

    /**
     * The step after issuing ({@value IssuanceProcess#STORE_DOCUMENTS}): the PDF of each of the request's invoices that
     * has none yet, rendered, signed, stored and chained in the ledger. Apart from the numbering so the number sequence
     * is not locked while a PDF is rendered; a repeat does nothing.
     */
    @Transactional
    public void storeDocuments(long requestId) {
        issuer.storeDocuments(requestId);
    }

    /**
     * Issues the request's invoices through the seller's adapter ({@link IssuerSelection}): locally at once, or by asking
     * the e-invoice platform, whose answer {@link #collectFromPlatform} stores later. Either way a repeat issues nothing
     * twice. Runs in the caller's (the job's) transaction.
     */
    @Transactional
    public IssuingOutcome startIssuing(long requestId) {
        String wanted = selection.current();
        return adapters.stream().filter(adapter -> adapter.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no issuing adapter " + wanted))
                .issue(requestId);
    }

    /**
     * Stores what the platform issued for the request: callbacks received, and with {@code poll} the platform's answer
     * to a query. Awaiting until every invoice of the request is stored.
     */
    @Transactional
    public IssuingOutcome collectFromPlatform(long requestId, boolean poll) {
        return platform.collect(requestId, poll);
    }

    /** how long the issuance process waits for a callback before it asks the platform */
    public java.time.Duration platformPollInterval() {
        return platform.pollInterval();
    }

    /**
     * A red-letter invoice (kind RED, its own number from the same sequence) reversing the whole invoice, whose
     * status becomes RED_FLUSHED. Done already: returns the red-letter invoice issued then.
     */
    @Transactional
    public long redLetter(long originalInvoiceId, RedLetterReason reason, String actor) {
        return corrections.redLetter(originalInvoiceId, reason, actor);
    }

    /** A red-letter invoice for part of the invoice (tax included), e.g. a partial refund. */
    @Transactional
    public long partialRedLetter(long originalInvoiceId, java.math.BigDecimal grossAmount, RedLetterReason reason,
            String actor) {
        return corrections.partialRedLetter(originalInvoiceId, grossAmount, reason, actor);
    }

    /** The corrected invoice for a red-flushed or voided one; returns the first re-issue when called again. */
    @Transactional
    public long reissue(long originalInvoiceId, BuyerDetails correctedBuyer) {
        return corrections.reissue(originalInvoiceId, correctedBuyer);
    }

    /**
     * The issuance process's re-issue: the corrected buyer and type come from the {@link InvoiceCorrectionSource}, else
     * the buyer as printed and the type as issued. Runs in the caller's (the job's) transaction; a repeated job returns the first re-issue.
     */
    @Transactional
    public long reissueFor(long originalInvoiceId) {
        Invoice original = invoices.findById(originalInvoiceId)
                .orElseThrow(() -> new IllegalStateException("no invoice " + originalInvoiceId + " to re-issue"));
        InvoiceCorrectionSource source = correctionSource.getIfAvailable();
        BuyerDetails buyer = (source == null ? Optional.<BuyerDetails>empty() : source.correctedBuyer(originalInvoiceId))
                .orElseGet(original::buyer);
        InvoiceType type = (source == null ? Optional.<InvoiceType>empty() : source.correctedType(originalInvoiceId))
                .orElseGet(original::type);
        boolean recompute = source != null && source.recomputeAmounts(originalInvoiceId);
        return corrections.reissue(originalInvoiceId, buyer, type,
                recompute ? issuer.currentLines(original.requestId()) : null);
    }

    /**
     * What the request's invoice would total if issued now from its orders (paid net of refunds, same tax
     * classification as a new invoice): a wrong amount is corrected only when this differs from what was issued.
     */
    @Transactional(readOnly = true)
    public java.math.BigDecimal currentTotalOfRequest(long requestId) {
        return issuer.currentLines(requestId).stream().map(line -> line.amount().gross())
                .reduce(java.math.BigDecimal.ZERO.setScale(2), java.math.BigDecimal::add);
    }

    /** Whether an invoice of this total could be re-issued as one invoice of that type (per-type limit). */
    public boolean fitsOneInvoice(InvoiceType type, java.math.BigDecimal total) {
        return corrections.fitsOneInvoice(type, total);
    }

    /** The request's blue invoices that still stand, oldest first, with what is left of each to reverse. */
    @Transactional(readOnly = true)
    public List<ReversibleInvoice> reversibleInvoicesOfRequest(long requestId) {
        return corrections.reversibleOfRequest(requestId);
    }

    /** The corrected re-issue of an invoice, once there is one. */
    @Transactional(readOnly = true)
    public Optional<Long> replacementOf(long invoiceId) {
        return invoices.findByReplacesInvoiceId(invoiceId).map(Invoice::id);
    }

    /** Whether the invoice may still be voided (作废): a paper blue one, unreversed and not received, in its month of issue; never an electronic one. */
    @Transactional(readOnly = true)
    public boolean voidable(long invoiceId) {
        return corrections.voidable(invoiceId);
    }

    /** @throws IllegalStateException when it is no longer {@link #voidable} */
    @Transactional
    public void voidInvoice(long invoiceId, String actor, String reason) {
        corrections.voidInvoice(invoiceId, actor, reason);
    }

    /** An invoice's status history, oldest first (the dispute workbench shows it). */
    @Transactional(readOnly = true)
    public List<InvoiceHistoryEntry> historyOf(long invoiceId) {
        return invoices.findById(invoiceId).map(invoice -> invoice.history().stream()
                .map(c -> new InvoiceHistoryEntry(c.status(), c.changedAt(), c.actor(), c.note())).toList())
                .orElse(List.of());
    }

    /** One invoice's facts for other features (owner, kind, status, buyer, links), or empty. */
    @Transactional(readOnly = true)
    public Optional<InvoiceFacts> facts(long invoiceId) {
        return invoices.findById(invoiceId).map(this::facts);
    }

    private InvoiceFacts facts(Invoice i) {
        return new InvoiceFacts(i.id(), i.number(), i.requestId(), i.owner(), i.kind(), i.type(), i.status(),
                i.issueDate(), i.issuedAt(), i.totalAmount(), i.buyer(), i.originalInvoiceId(), i.replacesInvoiceId());
    }

    /**
     * Whether the invoice is a local-mode demonstration (numbered and rendered here, never by the tax authority's
     * platform): its documents and its mail carry {@code InvoicePdfRenderer.DEMO_MARK}.
     */
    @Transactional(readOnly = true)
    public boolean isDemo(long invoiceId) {
        return !corrections.issuedByPlatform(invoiceId);
    }

    @Transactional(readOnly = true)
    public List<InvoiceSummary> invoicesOfRequest(long requestId) {
        return invoices.findByRequestIdOrderById(requestId).stream()
                .map(i -> new InvoiceSummary(i.id(), i.number(), i.status(), i.totalAmount(), i.taxAmount(), i.issuedAt()))
                .toList();
    }

    /** Every ISSUED invoice of the request becomes DELIVERED; ones delivered already are left as they are. */
    @Transactional
    public void markDelivered(long requestId, String actor) {
        invoices.findByRequestIdOrderById(requestId).stream()
                .filter(invoice -> invoice.status() == InvoiceStatus.ISSUED)
                .forEach(invoice -> {
                    invoice.markDelivered(actor, clock.instant());
                    events.publish(InvoiceEvent.Type.DELIVERED, invoice, null);
                });
    }

    /**
     * One invoice by its 20-digit number with the face data a verifier may check, or empty if we never issued it. The
     * status is read from the database every time (a red-letter or voiding on any node shows at once); the face data
     * (date, amounts, lines, buyer, owner) never changes once issued, so it is kept for a while after a check, and a
     * popular invoice's next checks read one column instead of the invoice, its lines and the decrypted buyer
     * (issue 21: the single check at the pace of a trivial endpoint, bench/verify.sh).
     */
    @Transactional(readOnly = true)
    public Optional<VerifiableInvoice> findByNumber(String number) {
        VerifiableInvoice face = faces.getIfPresent(number);
        if (face != null) {
            return invoices.findStatusByNumber(number).map(face::withStatus);
        }
        Optional<VerifiableInvoice> found = invoices.findByNumber(number).map(IssuanceService::verifiable);
        found.ifPresent(invoice -> faces.put(number, invoice));
        return found;
    }

    private static VerifiableInvoice verifiable(Invoice i) {
        List<VerifiableInvoice.Line> lines = i.lines().stream()
                .map(l -> new VerifiableInvoice.Line(l.itemName(), l.quantity(), l.netAmount(), l.taxRate(), l.taxAmount()))
                .toList();
        return new VerifiableInvoice(i.id(), i.number(), i.issueDate(), i.kind(), i.type(), i.status(), i.owner(),
                i.buyer().buyerType(), i.buyer().title(), i.sellerName(), i.totalAmount(), i.taxAmount(), lines);
    }

    /**
     * The PDF of one invoice, for mail attachments and downloads; made now if the step that stores it has not run
     * yet. Empty for an unknown invoice.
     */
    public Optional<byte[]> pdf(long invoiceId) {
        return storedOrMade(invoiceId, InvoiceDocument.PDF, id -> invoiceDocuments.pdf(id, clock.instant()));
    }

    /**
     * The OFD of one invoice, made and kept the first time it is asked for; empty for an unknown invoice. Not in a
     * transaction of its own: two first requests at once meet on the unique key, and the loser reads the winner's.
     */
    public Optional<byte[]> ofd(long invoiceId) {
        return storedOrMade(invoiceId, InvoiceDocument.OFD, id -> invoiceDocuments.ofd(id, clock.instant()));
    }

    /**
     * A document of the invoice as stored, or made and stored now; empty for an unknown invoice. Two first requests
     * at once meet on the unique (invoice, format) key, and the loser reads the winner's.
     */
    private Optional<byte[]> storedOrMade(long invoiceId, String format, java.util.function.LongFunction<byte[]> make) {
        Optional<byte[]> stored = documents.findByInvoiceIdAndFormat(invoiceId, format).map(InvoiceDocument::content);
        if (stored.isPresent() || invoices.findById(invoiceId).isEmpty()) {
            return stored;
        }
        try {
            return Optional.of(make.apply(invoiceId));
        } catch (org.springframework.dao.DataIntegrityViolationException madeMeanwhile) {
            return documents.findByInvoiceIdAndFormat(invoiceId, format).map(InvoiceDocument::content);
        }
    }

    /** Some invoices as e-mail attachments, in the order given. */
    @Transactional(readOnly = true)
    public List<InvoiceAttachment> attachments(List<Long> invoiceIds) {
        return invoiceIds.stream()
                .map(id -> invoices.findById(id).orElseThrow(() -> new IllegalStateException("no invoice " + id)))
                .map(this::attachment)
                .toList();
    }

    /** The request's invoices as e-mail attachments, named {@code <number>.pdf}, in issue order. */
    @Transactional(readOnly = true)
    public List<InvoiceAttachment> attachmentsOfRequest(long requestId) {
        return invoices.findByRequestIdOrderById(requestId).stream()
                .map(this::attachment)
                .toList();
    }

    /**
     * The request's invoices as e-mail attachments in the formats asked for ({@code PDF}, {@code OFD}), invoice by
     * invoice; an OFD is made on the first call (outside any read-only transaction, so it can be kept).
     */
    public List<InvoiceAttachment> attachmentsOfRequest(long requestId, List<String> formats) {
        return withFormats(invoices.findByRequestIdOrderById(requestId).stream().map(Invoice::id).toList(), formats);
    }

    /** Some invoices as e-mail attachments in the formats asked for, in the order given. */
    public List<InvoiceAttachment> attachments(List<Long> invoiceIds, List<String> formats) {
        return withFormats(invoiceIds, formats);
    }

    private List<InvoiceAttachment> withFormats(List<Long> invoiceIds, List<String> formats) {
        List<InvoiceAttachment> attachments = new java.util.ArrayList<>();
        for (Long id : invoiceIds) {
            Invoice invoice = invoices.findById(id).orElseThrow(() -> new IllegalStateException("no invoice " + id));
            if (formats.contains(InvoiceDocument.PDF)) {
                attachments.add(attachment(invoice));
            }
            if (formats.contains(InvoiceDocument.OFD)) {
                byte[] ofd = ofd(id).orElseThrow(() -> new IllegalStateException("invoice " + id + " has no OFD"));
                attachments.add(new InvoiceAttachment(id, invoice.number(), invoice.number() + ".ofd", "application/ofd", ofd));
            }
        }
        return attachments;
    }

    private InvoiceAttachment attachment(Invoice invoice) {
        byte[] pdf = pdf(invoice.id())
                .orElseThrow(() -> new IllegalStateException("invoice " + invoice.id() + " has no PDF"));
        return new InvoiceAttachment(invoice.id(), invoice.number(), invoice.number() + ".pdf", "application/pdf", pdf);
    }
}
