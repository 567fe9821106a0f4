package dev.fapiaoflow.security;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keys come from: Tink JSON keysets given inline (production: from a secret store via the
 * environment), or keyset files that the embedded default creates on first start. {@code keyset} encrypts
 * sensitive fields (AEAD); {@code indexKeyset} computes their blind indexes (HMAC-SHA256 PRF); {@code auditKeyset}
 * chains the audit trail (HMAC-SHA256 MAC, {@link AuditKeyset}).
 */
@ConfigurationProperties("fapiaoflow.crypto")
record CryptoProperties(String keyset, Path keysetFile, String indexKeyset, Path indexKeysetFile, String auditKeyset,
        Path auditKeysetFile) {
}
