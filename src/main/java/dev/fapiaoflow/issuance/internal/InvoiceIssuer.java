package dev.fapiaoflow.issuance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.issuance.DraftLine;
import dev.fapiaoflow.issuance.InvoiceDraft;
import dev.fapiaoflow.issuance.InvoiceDraftSource;
import dev.fapiaoflow.shared.TimeConfig;

/**
 * Issues the invoices of one request in one transaction: tax lines from the DMN table, split at the
 * per-invoice limit of the {@code invoice-limit} table, numbered and stored, then reported to the request's owner
 * module; any failure rolls all of it back, numbers included, and is left to the caller (a job: retry, then
 * incident). Their documents are rendered and stored in a second transaction ({@link #storeDocuments}).
 */
@Component
public class InvoiceIssuer {

    private static final Logger log = LoggerFactory.getLogger(InvoiceIssuer.class);

    private final InvoiceDraftSource drafts;
    private final TaxClassifier classifier;
    private final InvoiceNumberAllocator numbers;
    private final InvoiceRepository invoices;
    private final InvoiceDocuments invoiceDocuments;
    private final SellerProperties seller;
    private final InvoiceLimit limit;
    private final Clock clock;
    private final InvoiceEvents events;

    InvoiceIssuer(InvoiceDraftSource drafts, TaxClassifier classifier, InvoiceNumberAllocator numbers,
            InvoiceRepository invoices, InvoiceDocuments invoiceDocuments,
            SellerProperties seller, InvoiceLimit limit, ObjectProvider<Clock> clock, InvoiceEvents events) {
        this.events = events;
        this.drafts = drafts;
        this.classifier = classifier;
        this.numbers = numbers;
        this.invoices = invoices;
        this.invoiceDocuments = invoiceDocuments;
        this.seller = seller;
        this.limit = limit;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * Numbers and stores the request's invoices; their documents come after ({@link #storeDocuments}). The number
     * sequence stays locked until the transaction commits, so everything that can be done before taking it is done
     * before, and the slow part (rendering and signing) after, in a transaction of its own: the lock held through
     * rendering made issuance one invoice at a time on all nodes together (bench/e2e.sh).
     */
    @Transactional
    public List<Long> issue(long requestId) {
        Instant now = clock.instant();
        LocalDate issueDate = LocalDate.ofInstant(now, TimeConfig.CHINA);
        // a repeat (a retried job whose first run committed) must not build a draft: its orders are invoiced by now
        List<Long> issuedBefore = issuedBefore(requestId);
        if (!issuedBefore.isEmpty()) {
            return issuedBefore;
        }
        InvoiceDraft draft = draftFor(requestId);
        List<List<TaxLine>> parts = parts(draft);
        // Lock, then look again: while we hold the sequence no other node can be issuing, so this check cannot race
        // with a second execution of the same job (retry after a lost commit acknowledgement, say).
        numbers.lock(issueDate);
        issuedBefore = issuedBefore(requestId);
        if (!issuedBefore.isEmpty()) {
            return issuedBefore;
        }
        List<Long> issued = new ArrayList<>();
        List<String> issuedNumbers = new ArrayList<>();
        for (List<TaxLine> part : parts) {
            Invoice invoice = invoices.save(Invoice.issue(draft, part, numbers.next(issueDate), issueDate, now, seller));
            events.publish(dev.fapiaoflow.issuance.InvoiceEvent.Type.ISSUED, invoice, null);
            issued.add(invoice.id());
            issuedNumbers.add(invoice.number());
        }
        drafts.invoicesIssued(requestId, List.copyOf(issued));
        log.info("Issued invoices {} for request {}", issuedNumbers, requestId);
        return List.copyOf(issued);
    }

    private List<Long> issuedBefore(long requestId) {
        List<Long> issued = ids(invoices.findByRequestIdOrderById(requestId));
        if (!issued.isEmpty()) {
            log.info("Request {} already has invoices {}; not issuing again", requestId, issued);
        }
        return issued;
    }

    /**
     * The PDF of each of the request's invoices that has none yet: rendered, signed, stored and chained in the ledger.
     * Invoices the e-invoice platform issued came with theirs; a repeat finds nothing left to do.
     */
    @Transactional
    public void storeDocuments(long requestId) {
        Instant now = clock.instant();
        for (Invoice invoice : invoices.findByRequestIdOrderById(requestId)) {
            invoiceDocuments.storeIfMissing(invoice, now);
        }
    }

    /** The request's draft, checked to be usable. */
    public InvoiceDraft draftFor(long requestId) {
        InvoiceDraft draft = drafts.draftFor(requestId);
        if (draft == null || draft.requestId() != requestId || draft.lines() == null || draft.lines().isEmpty()) {
            throw new IllegalStateException("no usable invoice draft for request " + requestId);
        }
        return draft;
    }

    /** The draft's tax lines split at the per-invoice limit: one list per invoice, always in the same order. */
    public List<List<TaxLine>> parts(InvoiceDraft draft) {
        List<TaxLine> lines = draft.lines().stream().map(this::taxLine).toList();
        return InvoicePacking.pack(lines, limit.maxTotalPerInvoice(draft.type()));
    }

    /**
     * The request's lines as its orders justify them now (paid net of refunds), through the same tax classification
     * as a new invoice; items refunded in full have nothing left and no line.
     */
    @Transactional(readOnly = true)
    public List<TaxLine> currentLines(long requestId) {
        InvoiceDraft draft = drafts.draftFor(requestId);
        return draft.lines().stream().filter(line -> line.grossAmount() != null && line.grossAmount().signum() > 0)
                .map(this::taxLine).toList();
    }

    private TaxLine taxLine(DraftLine line) {
        if (line.grossAmount() == null || line.grossAmount().signum() <= 0) {
            throw new IllegalStateException("draft line of order " + line.orderNo() + " has no positive amount");
        }
        return TaxLine.of(line.productName(), line.quantity(), line.grossAmount(), classifier.classify(line.category()));
    }

    private static List<Long> ids(List<Invoice> invoices) {
        return invoices.stream().map(Invoice::id).toList();
    }
}
