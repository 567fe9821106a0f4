package dev.fapiaoflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive fields (buyer title, tax ID, address, phone, bank, account, e-mail) at rest with
 * Tink's AES-256-GCM AEAD. Ciphertexts are Base64 text so they fit ordinary columns on H2 and MySQL.
 */
@Component
public class FieldCipher {

    private static final byte[] ASSOCIATED_DATA = "fapiaoflow-field-v1".getBytes(StandardCharsets.UTF_8);

    private final Aead aead;

    FieldCipher(CryptoProperties properties) throws GeneralSecurityException {
        AeadConfig.register();
        this.aead = Keysets.load(properties.keyset(), properties.keysetFile(), PredefinedAeadParameters.AES256_GCM,
                "data-encryption").getPrimitive(RegistryConfiguration.get(), Aead.class);
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
}
