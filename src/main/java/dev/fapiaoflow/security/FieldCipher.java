package dev.fapiaoflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive fields (buyer title, tax ID, address, phone, bank, account, e-mail) at rest with
 * Tink's AES-256-GCM AEAD. Ciphertexts are Base64 text so they fit ordinary columns on H2 and MySQL.
 */
@Component
public class FieldCipher {

    private static final Logger log = LoggerFactory.getLogger(FieldCipher.class);
    private static final byte[] ASSOCIATED_DATA = "fapiaoflow-field-v1".getBytes(StandardCharsets.UTF_8);

    private final Aead aead;

    FieldCipher(CryptoProperties properties) throws GeneralSecurityException {
        AeadConfig.register();
        this.aead = loadKeyset(properties).getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            return Base64.getEncoder().encodeToString(aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ASSOCIATED_DATA));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field encryption failed", e);
        }
    }

    public String decrypt(String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return new String(aead.decrypt(Base64.getDecoder().decode(ciphertext), ASSOCIATED_DATA), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // never include the value: it may be someone's tax ID
            throw new IllegalStateException("field decryption failed (wrong key?)", e);
        }
    }

    private static KeysetHandle loadKeyset(CryptoProperties properties) throws GeneralSecurityException {
        if (properties.keyset() != null && !properties.keyset().isBlank()) {
            return TinkJsonProtoKeysetFormat.parseKeyset(properties.keyset(), InsecureSecretKeyAccess.get());
        }
        Path file = properties.keysetFile();
        try {
            if (Files.exists(file)) {
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            KeysetHandle generated = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(generated, InsecureSecretKeyAccess.get()));
            restrictToOwner(file);
            log.info("Generated a new data-encryption keyset at {}", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the keyset file " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own ACL applies
        }
    }
}
