package dev.fapiaoflow.security;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data-encryption key comes from: a Tink JSON keyset given inline (production: from a secret
 * store via the environment), or a keyset file that the embedded default creates on first start.
 */
@ConfigurationProperties("fapiaoflow.crypto")
record CryptoProperties(String keyset, Path keysetFile) {
}
