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

/**
 * Verifies an uploaded PDF or OFD: the signature (ours, intact, covering the whole file), the invoice facts embedded
 * under it (the signed link's text), and those facts against our records; shows the ledger entry of exactly these
 * bytes. Rate-limited like a single check.
 */
@Service
public class DocumentVerificationService {

    private final ClientRateLimiter rateLimiter;
    private final PdfSignatures pdfSignatures;
    private final OfdSignatures ofdSignatures;
    private final SignedLinks links;
    private final IssuanceService issuance;
    private final DocumentLedger ledger;

    DocumentVerificationService(ClientRateLimiter rateLimiter, PdfSignatures pdfSignatures, OfdSignatures ofdSignatures,
            SignedLinks links, IssuanceService issuance, DocumentLedger ledger) {
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
            case UNSIGNED, FOREIGN -> DocumentVerdict.of(Result.NOT_OURS, format);
            case VALID -> compare(format, check, sha256(content));
        };
    }

    private DocumentVerdict compare(String format, PdfSignatures.Check check, String sha256) {
        Optional<SignedLinks.LinkedInvoice> facts = links.check(check.invoice(), check.linkSignature());
        if (facts.isEmpty()) {
            return DocumentVerdict.of(Result.NOT_OURS, format);
        }
        SignedLinks.LinkedInvoice claimed = facts.get();
        Optional<VerifiableInvoice> record = issuance.findByNumber(claimed.number());
        if (record.isEmpty()) {
            return DocumentVerdict.of(Result.NOT_OURS, format);
        }
        VerifiableInvoice invoice = record.get();
        if (!invoice.issueDate().equals(claimed.issueDate()) || invoice.totalAmount().compareTo(claimed.totalAmount()) != 0) {
            return DocumentVerdict.of(Result.TAMPERED, format);
        }
        return new DocumentVerdict(Result.AUTHENTIC, format, VerificationStatus.of(invoice.status()),
                new DocumentVerdict.Invoice(invoice.number(), invoice.issueDate(), invoice.totalAmount().setScale(2), invoice.type()),
                ledger.entryOf(sha256).map(DocumentVerdict.Registration::of).orElse(null));
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
