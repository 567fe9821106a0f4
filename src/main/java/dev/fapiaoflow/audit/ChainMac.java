package dev.fapiaoflow.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.MacConfig;

/**
 * The keyed MAC that chains audit entries: HMAC-SHA256 with the audit keyset (a Tink keyset kept outside the
 * database, {@code fapiaoflow.crypto.audit-keyset}), so whoever can write the database but not read that key cannot
 * write an entry that verifies. Tink puts the key's id in front of each tag, so after a rotation (a new primary key,
 * the old ones kept) older entries still verify with the key that made them. Stored as {@code mac:<hex>}; the
 * {@code mac:} prefix tells a keyed entry from one of the SHA-256 chain that came before.
 */
public final class ChainMac {

    public static final String PREFIX = "mac:";

    private final Mac mac;
    private final int primaryKeyId;

    private ChainMac(KeysetHandle keyset) throws GeneralSecurityException {
        MacConfig.register();
        this.mac = keyset.getPrimitive(RegistryConfiguration.get(), Mac.class);
        this.primaryKeyId = keyset.getPrimary().getId();
    }

    public static ChainMac of(KeysetHandle keyset) {
        try {
            return new ChainMac(keyset);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a MAC keyset: " + e.getMessage(), e);
        }
    }

    /** A Tink JSON keyset, as in {@code FAPIAOFLOW_AUDIT_KEYSET} or the keyset file (used by {@link AuditChainCommand}). */
    public static ChainMac fromJson(String keysetJson) {
        try {
            return of(TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a Tink JSON keyset: " + e.getMessage(), e);
        }
    }

    public static boolean isKeyed(String storedHash) {
        return storedHash != null && storedHash.startsWith(PREFIX);
    }

    public int primaryKeyId() {
        return primaryKeyId;
    }

    String tag(String text) {
        try {
            return PREFIX + HexFormat.of().formatHex(mac.computeMac(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("audit MAC failed", e);
        }
    }

    boolean verifies(String text, String stored) {
        if (!isKeyed(stored)) {
            return false;
        }
        try {
            mac.verifyMac(HexFormat.of().parseHex(stored.substring(PREFIX.length())), text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException forgedOrMalformed) {
            return false;
        }
    }
}
