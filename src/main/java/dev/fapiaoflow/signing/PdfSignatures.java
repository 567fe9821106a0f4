package dev.fapiaoflow.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.List;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.PdfPadesSigner;
import com.itextpdf.signatures.SignatureUtil;
import com.itextpdf.signatures.SignerProperties;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.signing.internal.ItextXml;

/**
 * PAdES (baseline B) signatures of invoice PDFs with the school's signing key, and their check: intact, covering
 * the whole file, and made with our key.
 */
@Component
public class PdfSignatures {

    /** Document-information keys under which the renderer embeds the signed link's text and signature. */
    public static final String INFO_INVOICE = "FapiaoFlow-Invoice";
    public static final String INFO_SIGNATURE = "FapiaoFlow-Signature";
    static final String FIELD_NAME = "FapiaoFlowSignature";

    private final SigningKey key;

    PdfSignatures(SigningKey key) {
        this.key = key;
    }

    public byte[] sign(byte[] pdf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16_384);
        try {
            PdfPadesSigner signer = new PdfPadesSigner(new PdfReader(new ByteArrayInputStream(pdf)), out);
            signer.setStampingProperties(new StampingProperties());
            signer.signWithBaselineBProfile(new SignerProperties().setFieldName(FIELD_NAME)
                    .setReason("电子发票 / electronic invoice").setLocation("CN"), key.chain(), key.privateKey());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign the PDF", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the PDF", e);
        }
        return out.toByteArray();
    }

    public enum Outcome {
        /** Intact, covering the whole file, made with our key. */
        VALID,
        /** Signed, but the bytes no longer match the signature, or something was appended after it. */
        BROKEN,
        /** Intact, but made with another key. */
        FOREIGN,
        UNSIGNED,
        /** Not readable as a PDF at all. */
        UNREADABLE
    }

    /** The outcome and the embedded link text and signature (null where absent). */
    public record Check(Outcome outcome, String invoice, String linkSignature) {
    }

    static {
        ItextXml.install();
    }

    /** @throws dev.fapiaoflow.shared.upload.UploadRejected when XML inside the PDF (XFA, XMP) declares a DTD */
    public Check check(byte[] pdf) {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            String invoice = document.getDocumentInfo().getMoreInfo(INFO_INVOICE);
            String linkSignature = document.getDocumentInfo().getMoreInfo(INFO_SIGNATURE);
            SignatureUtil signatures = new SignatureUtil(document);
            List<String> names = signatures.getSignatureNames();
            if (names.isEmpty()) {
                return new Check(Outcome.UNSIGNED, invoice, linkSignature);
            }
            String last = names.get(names.size() - 1);
            PdfPKCS7 signature = signatures.readSignatureData(last);
            if (!signature.verifySignatureIntegrityAndAuthenticity() || !signatures.signatureCoversWholeDocument(last)) {
                return new Check(Outcome.BROKEN, invoice, linkSignature);
            }
            boolean ours = signature.getSigningCertificate().getPublicKey().equals(key.publicKey());
            return new Check(ours ? Outcome.VALID : Outcome.FOREIGN, invoice, linkSignature);
        } catch (IOException | GeneralSecurityException | RuntimeException unreadable) {
            ItextXml.rethrowDoctype(unreadable);
            return new Check(Outcome.UNREADABLE, null, null);
        }
    }
}
