package dev.fapiaoflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a Tink keyset given inline (production: from a secret store via the environment), or from a file that
 * the embedded default creates once, readable by the owner only.
 */
final class Keysets {

    private static final Logger log = LoggerFactory.getLogger(Keysets.class);

    private Keysets() {
    }

    static KeysetHandle load(String inline, Path file, Parameters whenGenerated, String purpose)
            throws GeneralSecurityException {
        if (inline != null && !inline.isBlank()) {
            return TinkJsonProtoKeysetFormat.parseKeyset(inline, InsecureSecretKeyAccess.get());
        }
        try {
            if (Files.exists(file)) {
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            KeysetHandle generated = KeysetHandle.generateNew(whenGenerated);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(generated, InsecureSecretKeyAccess.get()));
            restrictToOwner(file);
            log.info("Generated a new {} keyset at {}", purpose, file.toAbsolutePath());
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
