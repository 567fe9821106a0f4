package dev.fapiaoflow.security;

import java.nio.file.Path;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;

/**
 * The data, index and audit keysets as files, made by the same code and with the same parameters as a node's first
 * start ({@code keys init}, {@code KeysCommand}); a file that exists is kept.
 */
public final class KeyFiles {

    public static final String DATA_KEYSET = "keyset.json";
    public static final String INDEX_KEYSET = "index-keyset.json";
    public static final String AUDIT_KEYSET = "audit-keyset.json";

    private KeyFiles() {
    }

    public static void init(Path folder) throws GeneralSecurityException {
        AeadConfig.register();
        PrfConfig.register();
        MacConfig.register();
        Keysets.load(null, folder.resolve(DATA_KEYSET), PredefinedAeadParameters.AES256_GCM, "data-encryption");
        Keysets.load(null, folder.resolve(INDEX_KEYSET), PredefinedPrfParameters.HMAC_SHA256_PRF, "blind-index");
        Keysets.load(null, folder.resolve(AUDIT_KEYSET), PredefinedMacParameters.HMAC_SHA256_256BITTAG, "audit-MAC");
    }
}
