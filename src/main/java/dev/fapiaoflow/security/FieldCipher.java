package dev.fapiaoflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive fields (buyer title, tax ID, address, phone, bank, account, e-mail) at rest with
 * Tink's AES-256-GCM AEAD. Ciphertexts are Base64 text so they fit ordinary columns on H2 and MySQL.
 * The keyset may hold several keys: the primary encrypts, every key decrypts what it encrypted (Tink prefixes each
 * ciphertext with its key's id), so after a rotation old data stays readable until {@link ReEncryption} moves it.
 */
@Component
public class FieldCipher {

    private static final byte[] ASSOCIATED_DATA = "fapiaoflow-field-v1".getBytes(StandardCharsets.UTF_8);
    /** Tink's TINK output prefix: version byte 0x01, then the 4-byte key id */
    private static final byte TINK_PREFIX = 0x01;

    private volatile Keys keys;

    private record Keys(KeysetHandle handle, Aead aead, int primaryKeyId) {
        static Keys of(KeysetHandle handle) throws GeneralSecurityException {
            return new Keys(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class), handle.getPrimary().getId());
        }
    }

    FieldCipher(CryptoProperties properties) throws GeneralSecurityException {
        AeadConfig.register();
        this.keys = Keys.of(Keysets.load(properties.keyset(), properties.keysetFile(), PredefinedAeadParameters.AES256_GCM,
                "data-encryption"));
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            return Base64.getEncoder().encodeToString(keys.aead().encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ASSOCIATED_DATA));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field encryption failed", e);
        }
    }

    public String decrypt(String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return new String(keys.aead().decrypt(Base64.getDecoder().decode(ciphertext), ASSOCIATED_DATA), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // never include the value: it may be someone's tax ID
            throw new IllegalStateException("field decryption failed (wrong key?)", e);
        }
    }

    /** whether the ciphertext was made with the current primary key (so re-encrypting it would change nothing) */
    public boolean isUnderPrimaryKey(String ciphertext) {
        byte[] raw = Base64.getDecoder().decode(ciphertext);
        return raw.length > 5 && raw[0] == TINK_PREFIX && java.nio.ByteBuffer.wrap(raw, 1, 4).getInt() == keys.primaryKeyId();
    }

    public int primaryKeyId() {
        return keys.primaryKeyId();
    }

    KeysetHandle keyset() {
        return keys.handle();
    }

    /** takes a changed keyset (a rotation); every key of the old one must still be in it */
    void use(KeysetHandle handle) throws GeneralSecurityException {
        this.keys = Keys.of(handle);
    }
}
