package dev.fapiaoflow.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;

import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.signContainer.DigitalSignContainer;
import org.ofdrw.sign.stamppos.NormalStampPos;
import org.ofdrw.sign.verify.OFDValidator;
import org.ofdrw.sign.verify.container.DigitalValidateContainer;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.shared.upload.UploadLimits;
import dev.fapiaoflow.shared.upload.UploadRejected;
import dev.fapiaoflow.signing.internal.OfdPackage;
import dev.fapiaoflow.signing.internal.SigningProperties;
import dev.fapiaoflow.signing.internal.Sm2KeyLoader;

/**
 * Signatures of invoice OFDs with ofdrw: an SM3-with-SM2 digital signature over every file of the package
 * ({@link SignMode#WholeProtected}), with a stamp annotation over the seal on page 1; and their check with ofdrw's
 * validator and our SM2 public key. Every OFD is unpacked through {@link OfdPackage}: bounded, without DTDs, into a
 * folder that is always removed.
 */
@Component
public class OfdSignatures {

    /** Custom-data names under which the renderer keeps the signed link's text and signature. */
    public static final String DATA_INVOICE = PdfSignatures.INFO_INVOICE;
    public static final String DATA_SIGNATURE = PdfSignatures.INFO_SIGNATURE;

    private final KeyPair sm2;
    private final UploadLimits limits;

    OfdSignatures(SigningProperties properties, UploadLimits limits) {
        this.sm2 = Sm2KeyLoader.load(properties);
        this.limits = limits;
    }

    /** The seal's box on page 1 in millimetres from the top left: x, y, width, height. */
    public byte[] sign(byte[] ofd, double sealX, double sealY, double sealWidth, double sealHeight) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ofd.length + 8192);
        try (OfdPackage ofdPackage = OfdPackage.open(ofd, limits);
             OFDSigner signer = new OFDSigner(ofdPackage.reader(), out)) {
            signer.setSignMode(SignMode.WholeProtected);
            signer.setSignContainer(new DigitalSignContainer(sm2.getPrivate()));
            signer.addApPos(new NormalStampPos(1, sealX, sealY, sealWidth, sealHeight));
            signer.exeSign();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sign the OFD", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the OFD", e);
        }
        return out.toByteArray();
    }

    /** @throws UploadRejected when the OFD passes the upload limits or an XML part of it declares a DTD */
    public PdfSignatures.Check check(byte[] ofd) {
        try (OfdPackage ofdPackage = OfdPackage.open(ofd, limits)) {
            var reader = ofdPackage.reader();
            String invoice = null;
            String linkSignature = null;
            CustomDatas data = reader.getOFDDir().getOfd().getDocBody().getDocInfo().getCustomDatas();
            if (data != null) {
                invoice = data.getCustomDataValue(DATA_INVOICE);
                linkSignature = data.getCustomDataValue(DATA_SIGNATURE);
            }
            if (!reader.hasSignature()) {
                return new PdfSignatures.Check(PdfSignatures.Outcome.UNSIGNED, invoice, linkSignature);
            }
            try (OFDValidator validator = new OFDValidator(reader)) {
                validator.setValidator(new DigitalValidateContainer(sm2.getPublic()));
                validator.exeValidate();
                return new PdfSignatures.Check(PdfSignatures.Outcome.VALID, invoice, linkSignature);
            } catch (Exception invalid) {
                return new PdfSignatures.Check(PdfSignatures.Outcome.BROKEN, invoice, linkSignature);
            }
        } catch (UploadRejected rejected) {
            throw rejected;
        } catch (Exception unreadable) {
            return new PdfSignatures.Check(PdfSignatures.Outcome.UNREADABLE, null, null);
        }
    }
}
