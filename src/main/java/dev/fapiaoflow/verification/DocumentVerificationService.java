package dev.fapiaoflow.verification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.issuance.VerifiableInvoice;
import dev.fapiaoflow.ledger.DocumentLedger;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.signing.OfdSignatures;
import dev.fapiaoflow.signing.PdfSignatures;
import dev.fapiaoflow.signing.SignedLinks;
import dev.fapiaoflow.verification.DocumentVerdict.Result;
import dev.fapiaoflow.verification.internal.ClientRateLimiter;
import dev.fapiaoflow.shared.Texts;
import dev.fapiaoflow.verification.internal.ForeignInvoiceQuery;
import dev.fapiaoflow.verification.internal.InvoiceQrCode;
import dev.fapiaoflow.verification.internal.InvoiceQrReader;

/**
 * Verifies an uploaded PDF or OFD: the signature (ours, intact, covering the whole file), the invoice facts embedded
 * under it (the signed link's text), and those facts against our records; shows the ledger entry of exactly these
 * bytes. Rate-limited like a single check. A file we did not issue is read for its standard invoice QR code and, with a
 * verification provider configured, checked through it.
 */
@Service
public class DocumentVerificationService {

    private final ClientRateLimiter rateLimiter;
    private final PdfSignatures pdfSignatures;
    private final OfdSignatures ofdSignatures;
    private final SignedLinks links;
    private final IssuanceService issuance;
    private final DocumentLedger ledger;
    private final InvoiceQrReader qrCodes;
    private final ForeignVerificationService foreign;

    DocumentVerificationService(ClientRateLimiter rateLimiter, PdfSignatures pdfSignatures, OfdSignatures ofdSignatures,
            SignedLinks links, IssuanceService issuance, DocumentLedger ledger, InvoiceQrReader qrCodes,
            ForeignVerificationService foreign) {
        this.qrCodes = qrCodes;
        this.foreign = foreign;
        this.rateLimiter = rateLimiter;
        this.pdfSignatures = pdfSignatures;
        this.ofdSignatures = ofdSignatures;
        this.links = links;
        this.issuance = issuance;
        this.ledger = ledger;
    }

    /**
     * @throws VerificationRefused when the client is over its rate limit
     * @throws InvalidInputException {@code file} when it is neither a PDF nor an OFD (ZIP) file
     */
    public DocumentVerdict verify(Verifier verifier, byte[] content) {
        rateLimiter.acquire(verifier);
        String format = formatOf(content);
        PdfSignatures.Check check = format.equals("PDF") ? pdfSignatures.check(content) : ofdSignatures.check(content);
        return switch (check.outcome()) {
            // right kind of file, but it no longer parses: damaged or altered, and nothing in it can be trusted
            case UNREADABLE, BROKEN -> DocumentVerdict.of(Result.TAMPERED, format);
            case UNSIGNED, FOREIGN -> notOurs(verifier, format, content);
            case VALID -> compare(verifier, format, check, content);
        };
    }

    /**
     * A file we did not sign: what its invoice QR code says, for the person to confirm, and what the provider answers
     * for those facts when one is configured (a kind or a date the national rules do not check gets no answer).
     */
    private DocumentVerdict notOurs(Verifier verifier, String format, byte[] content) {
        Optional<InvoiceQrCode> read = qrCodes.read(format, content);
        if (read.isEmpty()) {
            return DocumentVerdict.of(Result.NOT_OURS, format);
        }
        InvoiceQrCode qr = read.get();
        DocumentVerdict.Invoice invoice = new DocumentVerdict.Invoice(qr.number(), qr.issueDate(), qr.amount(), null, qr.code(),
                qr.kind(), qr.checkCode());
        ForeignCheckAnswer check = query(qr).flatMap(query -> foreign.checkQuietly(verifier, query)).orElse(null);
        return new DocumentVerdict(Result.NOT_OURS, format, null, invoice, null, check);
    }

    private Optional<ForeignInvoiceQuery> query(InvoiceQrCode qr) {
        if (!foreign.providerConfigured()) {
            return Optional.empty();
        }
        boolean special = qr.kind().equals("01") || qr.kind().equals("08");
        String amount = qr.amount().toPlainString();
        try {
            return Optional.of(ForeignInvoiceQuery.parse(qr.kind(), qr.code(), qr.number(), qr.issueDate().toString(),
                    qr.digital() ? amount : null, special ? amount : null, qr.checkCode(), foreign.today()));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private DocumentVerdict compare(Verifier verifier, String format, PdfSignatures.Check check, byte[] content) {
        String sha256 = sha256(content);
        Optional<SignedLinks.LinkedInvoice> facts = links.check(check.invoice(), check.linkSignature());
        if (facts.isEmpty()) {
            return notOurs(verifier, format, content);
        }
        SignedLinks.LinkedInvoice claimed = facts.get();
        Optional<VerifiableInvoice> record = issuance.findByNumber(claimed.number());
        if (record.isEmpty()) {
            return notOurs(verifier, format, content);
        }
        VerifiableInvoice invoice = record.get();
        if (!invoice.issueDate().equals(claimed.issueDate()) || invoice.totalAmount().compareTo(claimed.totalAmount()) != 0) {
            return DocumentVerdict.of(Result.TAMPERED, format);
        }
        return new DocumentVerdict(Result.AUTHENTIC, format, VerificationStatus.of(invoice.status()),
                new DocumentVerdict.Invoice(invoice.number(), invoice.issueDate(), invoice.totalAmount().setScale(2), invoice.type()),
                ledger.entryOf(sha256).map(DocumentVerdict.Registration::of).orElse(null), null);
    }

    static String formatOf(byte[] content) {
        if (startsWith(content, "%PDF-")) {
            return "PDF";
        }
        if (startsWith(content, "PK\u0003\u0004")) {
            return "OFD";
        }
        throw new InvalidInputException("file", Texts.of("verify.document.kind"));
    }

    private static boolean startsWith(byte[] content, String magic) {
        if (content.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (content[i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
