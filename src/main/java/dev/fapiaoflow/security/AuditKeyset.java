package dev.fapiaoflow.security;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fapiaoflow.audit.ChainMac;

/**
 * The audit trail's MAC key, kept outside the database like the other keysets: {@code FAPIAOFLOW_AUDIT_KEYSET}
 * (the same on every node), or a file the embedded default generates once under the data folder. A separate keyset,
 * so neither the field key nor the index key can forge audit entries, and this one decrypts nothing. Rotation: add a
 * new HMAC key and make it primary, keep the old ones (entries name the key that MACed them).
 */
@Configuration(proxyBeanMethods = false)
class AuditKeyset {

    @Bean
    ChainMac auditChainMac(CryptoProperties properties) throws GeneralSecurityException {
        MacConfig.register();
        return ChainMac.of(Keysets.load(properties.auditKeyset(), properties.auditKeysetFile(),
                PredefinedMacParameters.HMAC_SHA256_256BITTAG, "audit-MAC"));
    }
}
