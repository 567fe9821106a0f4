package dev.fapiaoflow.issuance.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.ledger.DocumentLedger;
import dev.fapiaoflow.signing.OfdSignatures;
import dev.fapiaoflow.signing.PdfSignatures;
import dev.fapiaoflow.signing.SignedLinks;
import dev.fapiaoflow.signing.SignedLinks.LinkedInvoice;

/**
 * Renders, signs and stores the documents of a newly issued invoice, in the step after its numbering: the PDF face with
 * the standard QR code and the signed verification link, signed with the school's key (PAdES); each document's
 * SHA-256 goes into the ledger's hash chain in the same transaction.
 */
@Component
public class InvoiceDocuments {

    private final InvoicePdfRenderer renderer;
    private final PdfSignatures pdfSignatures;
    private final SignedLinks links;
    private final InvoiceDocumentRepository documents;
    private final DocumentLedger ledger;
    private final InvoiceOfdRenderer ofdRenderer;
    private final OfdSignatures ofdSignatures;
    private final InvoiceRepository invoices;

    InvoiceDocuments(InvoicePdfRenderer renderer, PdfSignatures pdfSignatures, SignedLinks links,
            InvoiceDocumentRepository documents, DocumentLedger ledger, InvoiceOfdRenderer ofdRenderer,
            OfdSignatures ofdSignatures, InvoiceRepository invoices) {
        this.ledger = ledger;
        this.ofdRenderer = ofdRenderer;
        this.ofdSignatures = ofdSignatures;
        this.invoices = invoices;
        this.renderer = renderer;
        this.pdfSignatures = pdfSignatures;
        this.links = links;
        this.documents = documents;
    }

    /** {@code originalNumber}: the blue invoice a red-letter one reverses, else null. */
    void store(Invoice invoice, String originalNumber, Instant now) {
        byte[] pdf = pdfSignatures.sign(renderer.render(invoice, originalNumber, mark(invoice)));
        keep(invoice, new InvoiceDocument(invoice.id(), InvoiceDocument.PDF, pdf, now), now);
    }

    /**
     * The invoice's PDF, unless it has one: issued here a moment ago (issuance stores the documents in a step after the
     * numbering), or asked for before that step ran. Two callers at once meet on the unique (invoice, format) key.
     */
    void storeIfMissing(Invoice invoice, Instant now) {
        if (documents.findByInvoiceIdAndFormat(invoice.id(), InvoiceDocument.PDF).isEmpty()) {
            store(invoice, originalNumberOf(invoice), now);
        }
    }

    /**
     * The invoice's PDF, made now if the issuance step that stores it has not run yet (it is in an incident, say); in a
     * transaction of its own, as the caller's may be read-only.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public byte[] pdf(long invoiceId, Instant now) {
        Optional<InvoiceDocument> stored = documents.findByInvoiceIdAndFormat(invoiceId, InvoiceDocument.PDF);
        if (stored.isPresent()) {
            return stored.get().content();
        }
        Invoice invoice = invoices.findById(invoiceId).orElseThrow(() -> new IllegalArgumentException("no invoice " + invoiceId));
        storeIfMissing(invoice, now);
        return documents.findByInvoiceIdAndFormat(invoiceId, InvoiceDocument.PDF).orElseThrow().content();
    }

    /**
     * A document the e-invoice platform issued and signed: kept as it came and chained in the ledger like ours, so a
     * verification finds its entry whoever issued it.
     */
    void storeIssuedElsewhere(Invoice invoice, String format, byte[] content, Instant now) {
        keep(invoice, new InvoiceDocument(invoice.id(), format, content, now), now);
    }

    /**
     * The invoice's OFD, rendered, signed and stored (and chained in the ledger) the first time someone asks for it:
     * most customers never do, and the OFD carries the whole font, so issuance does not pay for it. Two first
     * requests at once meet on the unique (invoice, format) key; the loser's caller reads the winner's.
     */
    @Transactional
    public byte[] ofd(long invoiceId, Instant now) {
        Optional<InvoiceDocument> stored = documents.findByInvoiceIdAndFormat(invoiceId, InvoiceDocument.OFD);
        if (stored.isPresent()) {
            return stored.get().content();
        }
        Invoice invoice = invoices.findById(invoiceId).orElseThrow(() -> new IllegalArgumentException("no invoice " + invoiceId));
        byte[] ofd = ofdSignatures.sign(ofdRenderer.render(invoice, originalNumberOf(invoice), mark(invoice)),
                InvoiceOfdRenderer.SEAL_X, InvoiceOfdRenderer.SEAL_Y, InvoiceOfdRenderer.SEAL_SIZE, InvoiceOfdRenderer.SEAL_SIZE);
        keep(invoice, new InvoiceDocument(invoice.id(), InvoiceDocument.OFD, ofd, now), now);
        return ofd;
    }

    /** the blue invoice a red-letter one reverses, else null */
    private String originalNumberOf(Invoice invoice) {
        return invoice.originalInvoiceId() == null ? null
                : invoices.findById(invoice.originalInvoiceId()).map(Invoice::number).orElse(null);
    }

    private InvoicePdfRenderer.VerificationMark mark(Invoice invoice) {
        LinkedInvoice linked = new LinkedInvoice(invoice.number(), invoice.issueDate(), invoice.totalAmount());
        return new InvoicePdfRenderer.VerificationMark(links.link(linked), linked.payload(), links.signature(linked));
    }

    /** Flushed at once: a second document of the same format meets the unique (invoice, format) key here. */
    private void keep(Invoice invoice, InvoiceDocument document, Instant now) {
        documents.saveAndFlush(document);
        ledger.append(invoice.id(), invoice.number(), document.format(), document.sha256(), now);
    }
}
