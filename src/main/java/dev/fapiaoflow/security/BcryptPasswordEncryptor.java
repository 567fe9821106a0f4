package dev.fapiaoflow.security;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Camunda's identity store hashes passwords with bcrypt (Spring Security's encoder) instead of salted SHA-512.
 * Camunda prefixes the hash with {@code {BCRYPT}} and checks older {@code {SHA-512}} hashes with its own digest.
 */
class BcryptPasswordEncryptor implements PasswordEncryptor {

    static final String ALGORITHM = "BCRYPT";
    /** bcrypt reads no further; Camunda prepends a 24-character salt to the password. */
    static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder;

    BcryptPasswordEncryptor(int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
    }

    @Override
    public String encrypt(String password) {
        return encoder.encode(password);
    }

    @Override
    public boolean check(String password, String encrypted) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return encoder.matches(password, encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return ALGORITHM;
    }
}
