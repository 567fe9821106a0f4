package dev.fapiaoflow.issuance.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.fapiaoflow.ledger.DocumentLedger;
import dev.fapiaoflow.signing.PdfSignatures;
import dev.fapiaoflow.signing.SignedLinks;
import dev.fapiaoflow.signing.SignedLinks.LinkedInvoice;

/**
 * Renders, signs and stores the documents of a newly issued invoice, in the issuing transaction: the PDF face with
 * the standard QR code and the signed verification link, signed with the school's key (PAdES); each document's
 * SHA-256 goes into the ledger's hash chain in the same transaction.
 */
@Component
class InvoiceDocuments {

    private final InvoicePdfRenderer renderer;
    private final PdfSignatures pdfSignatures;
    private final SignedLinks links;
    private final InvoiceDocumentRepository documents;
    private final DocumentLedger ledger;

    InvoiceDocuments(InvoicePdfRenderer renderer, PdfSignatures pdfSignatures, SignedLinks links,
            InvoiceDocumentRepository documents, DocumentLedger ledger) {
        this.ledger = ledger;
        this.renderer = renderer;
        this.pdfSignatures = pdfSignatures;
        this.links = links;
        this.documents = documents;
    }

    /** {@code originalNumber}: the blue invoice a red-letter one reverses, else null. */
    void store(Invoice invoice, String originalNumber, Instant now) {
        LinkedInvoice linked = new LinkedInvoice(invoice.number(), invoice.issueDate(), invoice.totalAmount());
        InvoicePdfRenderer.VerificationMark mark = new InvoicePdfRenderer.VerificationMark(links.link(linked),
                linked.payload(), links.signature(linked));
        byte[] pdf = pdfSignatures.sign(renderer.render(invoice, originalNumber, mark));
        keep(invoice, new InvoiceDocument(invoice.id(), InvoiceDocument.PDF, pdf, now), now);
    }

    private void keep(Invoice invoice, InvoiceDocument document, Instant now) {
        documents.save(document);
        ledger.append(invoice.id(), invoice.number(), document.format(), document.sha256(), now);
    }
}
