package dev.fapiaoflow.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the signing key and certificate chain from a PKCS#12 keystore, generating the embedded default once. */
public final class SigningKeyLoader {

    static final String DEFAULT_ALIAS = "fapiaoflow-signing";
    private static final Logger log = LoggerFactory.getLogger(SigningKeyLoader.class);

    private SigningKeyLoader() {
    }

    public record Loaded(PrivateKey privateKey, X509Certificate[] chain) {
    }

    public static Loaded load(SigningProperties properties) {
        String alias = properties.alias() == null || properties.alias().isBlank() ? DEFAULT_ALIAS : properties.alias();
        try {
            if (properties.keystore() != null && !properties.keystore().isBlank()) {
                return read(Path.of(properties.keystore()), password(properties.password()), alias);
            }
            Path file = properties.generatedKeystore();
            Path passwordFile = file.resolveSibling(file.getFileName() + ".password");
            if (!Files.exists(file)) {
                generate(file, passwordFile, alias);
            }
            return read(file, Files.readString(passwordFile).trim().toCharArray(), alias);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing keystore", e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot load the signing key", e);
        }
    }

    private static char[] password(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    private static Loaded read(Path file, char[] password, String alias) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keyStore.load(in, password);
        }
        if (!(keyStore.getKey(alias, password) instanceof PrivateKey key)) {
            throw new IllegalStateException("the signing keystore " + file + " has no private key under the alias " + alias);
        }
        Certificate[] chain = keyStore.getCertificateChain(alias);
        X509Certificate[] x509 = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            x509[i] = (X509Certificate) chain[i];
        }
        return new Loaded(key, x509);
    }

    private static void generate(Path file, Path passwordFile, String alias)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=FapiaoFlow invoice signing (self-signed),O=FapiaoFlow,C=CN");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {certificate});
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(passwordFile, new String(password));
        restrictToOwner(passwordFile);
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore.store(out, password);
        }
        restrictToOwner(file);
        log.info("Generated a self-signed document-signing certificate at {}", file.toAbsolutePath());
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own ACL applies
        }
    }
}
