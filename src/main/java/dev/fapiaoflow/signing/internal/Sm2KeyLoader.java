package dev.fapiaoflow.signing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SM2 key pair that signs OFDs: read from a PEM file (private PKCS#8 + public key), or generated once. */
public final class Sm2KeyLoader {

    public static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
    private static final Logger log = LoggerFactory.getLogger(Sm2KeyLoader.class);
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private Sm2KeyLoader() {
    }

    public static KeyPair load(SigningProperties properties) {
        try {
            Path file = properties.ofdKey() != null && !properties.ofdKey().isBlank()
                    ? Path.of(properties.ofdKey()) : properties.generatedOfdKey();
            if (!Files.exists(file) && file.equals(properties.generatedOfdKey())) {
                generate(file);
            }
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the OFD signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the OFD signing key", e);
        }
    }

    private static KeyPair read(String pem) throws GeneralSecurityException {
        byte[] privateKey = null;
        byte[] publicKey = null;
        Matcher blocks = BLOCK.matcher(pem);
        while (blocks.find()) {
            byte[] der = Base64.getMimeDecoder().decode(blocks.group(2).trim());
            if (blocks.group(1).equals("PRIVATE KEY")) {
                privateKey = der;
            } else if (blocks.group(1).equals("PUBLIC KEY")) {
                publicKey = der;
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new GeneralSecurityException("the OFD signing key file needs a PRIVATE KEY and a PUBLIC KEY block");
        }
        KeyFactory factory = KeyFactory.getInstance("EC", PROVIDER);
        return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicKey)),
                factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
    }

    private static void generate(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair pair = generator.generateKeyPair();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes());
        String pem = "-----BEGIN PRIVATE KEY-----\n" + base64.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n" + base64.encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, pem);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own ACL applies
        }
        log.info("Generated an SM2 OFD-signing key at {}", file.toAbsolutePath());
    }
}
