package dev.fapiaoflow.signing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.signing.internal.SigningKeyLoader;
import dev.fapiaoflow.signing.internal.SigningProperties;

/**
 * The school's document-signing key: signs PDFs (PAdES) and verification links (ECDSA P-256 with SHA-256, so
 * anyone holding the public key checks them offline). Loaded once at start-up.
 */
@Component
@EnableConfigurationProperties(SigningProperties.class)
public class SigningKey {

    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private final PrivateKey privateKey;
    private final X509Certificate[] chain;

    SigningKey(SigningProperties properties) {
        SigningKeyLoader.Loaded loaded = SigningKeyLoader.load(properties);
        this.privateKey = loaded.privateKey();
        this.chain = loaded.chain();
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    X509Certificate[] chain() {
        return chain.clone();
    }

    public X509Certificate certificate() {
        return chain[0];
    }

    public PublicKey publicKey() {
        return chain[0].getPublicKey();
    }

    /** The public key as PEM (SubjectPublicKeyInfo), what the offline command reads. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey().getEncoded());
    }

    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the signing certificate", e);
        }
    }

    byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the signing key", e);
        }
    }

    boolean verify(byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM);
            signature.initVerify(publicKey());
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
