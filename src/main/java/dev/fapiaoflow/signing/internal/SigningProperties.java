package dev.fapiaoflow.signing.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the signing key comes from: a PKCS#12 {@code keystore} (production: the same file on every node), its
 * {@code password} and the entry's {@code alias}; without a keystore the embedded default generates a self-signed
 * EC P-256 certificate once into {@code generatedKeystore} (its random password beside it, owner-only).
 * {@code verifyUrl} is the public page the signed QR link opens. OFDs are signed with SM2/SM3 (what OFD readers
 * expect): {@code ofdKey} a PEM file with the SM2 private key (PKCS#8) and public key, or generated once into
 * {@code generatedOfdKey}.
 */
@ConfigurationProperties("fapiaoflow.signing")
public record SigningProperties(String keystore, String password, String alias, Path generatedKeystore, String verifyUrl,
        String ofdKey, Path generatedOfdKey) {
}
