package dev.fapiaoflow.signing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * Signs short statements with the document-signing key (e.g. the audit chain's anchors), base64 of the DER ECDSA
 * signature; anyone with the public key ({@code /.well-known/fapiaoflow-verification-key.pem}) checks them offline.
 * Each statement starts with its own kind ({@code fapiaoflow-audit-anchor-v1|…}), so it is never mistaken for
 * another thing this key signs.
 */
@Component
public class StatementSigner {

    private final SigningKey key;

    StatementSigner(SigningKey key) {
        this.key = key;
    }

    public String sign(String statement) {
        return Base64.getEncoder().encodeToString(key.sign(statement.getBytes(StandardCharsets.UTF_8)));
    }

    public PublicKey publicKey() {
        return key.publicKey();
    }

    public static boolean verify(PublicKey publicKey, String statement, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(SigningKey.SIGNATURE_ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(statement.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The public key from PEM: a {@code PUBLIC KEY} (what the well-known URL serves) or a {@code CERTIFICATE}. */
    public static PublicKey readPublicKey(String pem) throws GeneralSecurityException {
        if (pem.contains("BEGIN CERTIFICATE")) {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).getPublicKey();
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not a PEM public key or certificate", e);
        }
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(spec);
            } catch (GeneralSecurityException tryNext) {
                // the PEM does not name its algorithm
            }
        }
        throw new GeneralSecurityException("not a PEM public key or certificate");
    }
}
