package dev.fapiaoflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import org.springframework.stereotype.Component;

/**
 * Keyed blind index of an encrypted field: HMAC-SHA256 (Tink PRF) of the normalised value, hex. Equal values give
 * equal indexes, so "which accounts used this tax ID" is a query, while the column alone reveals nothing without
 * the key; a separate keyset from the AEAD one, so one key's compromise does not give away the other's use.
 */
@Component
public class BlindIndex {

    private static final int BYTES = 32;

    private final PrfSet prf;

    BlindIndex(CryptoProperties properties) throws GeneralSecurityException {
        PrfConfig.register();
        this.prf = Keysets.load(properties.indexKeyset(), properties.indexKeysetFile(),
                PredefinedPrfParameters.HMAC_SHA256_PRF, "blind-index").getPrimitive(RegistryConfiguration.get(), PrfSet.class);
    }

    /** null for null; callers normalise first (e.g. a tax ID without spaces, upper case) */
    public String of(String normalisedValue) {
        if (normalisedValue == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(prf.computePrimary(normalisedValue.getBytes(StandardCharsets.UTF_8), BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }
}
