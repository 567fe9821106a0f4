package dev.fapiaoflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.audit.AuditLog;
import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.Texts;

/**
 * Rotates the data-encryption keyset kept in the keyset file (the embedded, single-node default): a new AES-256-GCM
 * key is added and made primary, the old keys stay for decryption, the file is replaced atomically. A keyset given
 * inline (FAPIAOFLOW_KEYSET, several nodes) is rotated in the secret store instead (README "Key rotation"): this
 * node cannot tell the others.
 */
@Component
public class KeyRotation {

    public record KeysetState(int primaryKeyId, List<Integer> keyIds, boolean rotatableHere) {
    }

    private final FieldCipher cipher;
    private final CryptoProperties properties;
    private final AuditLog audit;

    KeyRotation(FieldCipher cipher, CryptoProperties properties, AuditLog audit) {
        this.cipher = cipher;
        this.properties = properties;
        this.audit = audit;
    }

    public KeysetState state() {
        KeysetHandle handle = cipher.keyset();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < handle.size(); i++) {
            ids.add(handle.getAt(i).getId());
        }
        return new KeysetState(handle.getPrimary().getId(), ids, inlineKeyset() == false);
    }

    public synchronized KeysetState rotate() {
        if (inlineKeyset()) {
            throw new ConflictException(Texts.of("keys.inlineKeyset"));
        }
        try {
            KeysetHandle current = cipher.keyset();
            KeysetHandle rotated = KeysetHandle.newBuilder(current)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                    .build();
            write(properties.keysetFile(), TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()));
            cipher.use(rotated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key rotation failed", e);
        }
        KeysetState state = state();
        audit.record("KEY ROTATE", "data-encryption-keyset", Integer.toUnsignedString(state.primaryKeyId()),
                "new primary key; keys " + state.keyIds().size());
        return state;
    }

    private boolean inlineKeyset() {
        return properties.keyset() != null && !properties.keyset().isBlank();
    }

    private static void write(Path file, String content) {
        try {
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "keyset", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's ACL applies
            }
            Files.writeString(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the keyset file " + file, e);
        }
    }
}
