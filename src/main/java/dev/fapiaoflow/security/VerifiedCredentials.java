package dev.fapiaoflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Passwords this node verified against the identity store a moment ago, so that an API client sending Basic
 * credentials with every call (the shop, verifiers, Camunda's REST clients) costs one bcrypt check per minute instead
 * of one per call: bcrypt took over 80 % of the CPU under load (bench/e2e.sh with a JFR profile).
 * <p>
 * The password itself is not kept: only an HMAC of it under a key that lives in this process's memory and dies
 * with it. An entry is only good together with the stored hash it was verified against, so a password changed on
 * any node ends it at once; the caller checks locks on every call. What an entry does carry for up to its lifetime
 * is the user's groups: {@link UserAdministration} forgets the user when it changes them; a change made elsewhere
 * (Camunda Admin) takes effect within a minute.
 */
@Component
class VerifiedCredentials {

    /** How long a verified password and the groups read with it are reused. */
    static final Duration LIFETIME = Duration.ofSeconds(60);

    private record Entry(byte[] passwordMac, String storedHash, List<GrantedAuthority> authorities) {
    }

    private final Cache<String, Entry> entries;
    private final SecretKeySpec macKey;

    @Autowired
    VerifiedCredentials() {
        this(Ticker.systemTicker());
    }

    VerifiedCredentials(Ticker ticker) {
        this.entries = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(LIFETIME).maximumSize(10_000).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.macKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The groups of a user whose password was verified against this very stored hash less than a minute ago. */
    Optional<List<GrantedAuthority>> lookup(String userId, String password, String storedHash) {
        Entry entry = entries.getIfPresent(userId);
        if (entry == null || storedHash == null || !entry.storedHash().equals(storedHash)
                || !MessageDigest.isEqual(entry.passwordMac(), mac(userId, password))) {
            return Optional.empty();
        }
        return Optional.of(entry.authorities());
    }

    void remember(String userId, String password, String storedHash, List<GrantedAuthority> authorities) {
        if (storedHash != null) {
            entries.put(userId, new Entry(mac(userId, password), storedHash, List.copyOf(authorities)));
        }
    }

    void forget(String userId) {
        entries.invalidate(userId);
    }

    private byte[] mac(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
