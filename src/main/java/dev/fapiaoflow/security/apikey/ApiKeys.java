package dev.fapiaoflow.security.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/**
 * API keys: {@code ffk_} and 32 characters of base64url (192 random bits). Only the key's SHA-256 is stored: with
 * that much entropy a slow password hash buys nothing, and a fast one lets every API call find its key by an index
 * lookup. The first {@value #PREFIX_LENGTH} characters are kept in clear so their owner can tell keys apart.
 */
@Service
public class ApiKeys {

    static final String MARK = "ffk_";
    static final int PREFIX_LENGTH = 12;
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_ACTIVE_KEYS = 20;
    private static final int RANDOM_BYTES = 24;

    private final ApiKeyRepository keys;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    ApiKeys(ApiKeyRepository keys, ObjectProvider<Clock> clock) {
        this.keys = keys;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * @throws InvalidInputException without a name or with one too long
     * @throws ConflictException when the user has {@value #MAX_ACTIVE_KEYS} active keys already
     */
    @Transactional
    public CreatedApiKey create(String userId, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("name", Texts.of("apiKey.name.invalid", MAX_NAME_LENGTH));
        }
        if (keys.countByUserIdAndRevokedAtIsNull(userId) >= MAX_ACTIVE_KEYS) {
            throw new ConflictException(Texts.of("apiKey.tooMany", MAX_ACTIVE_KEYS));
        }
        byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        String key = MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey saved = keys.save(new ApiKey(userId, trimmed, key.substring(0, PREFIX_LENGTH), hash(key), clock.instant()));
        return new CreatedApiKey(saved.id(), trimmed, key.substring(0, PREFIX_LENGTH), saved.view().createdAt(), key);
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> of(String userId) {
        return keys.findByUserIdOrderByCreatedAtDescIdDesc(userId).stream().map(ApiKey::view).toList();
    }

    /** @throws NotFoundException for an unknown key or someone else's */
    @Transactional
    public ApiKeyView revoke(String userId, long id) {
        ApiKey key = keys.findById(id).filter(found -> found.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("API key", id));
        key.revoke(clock.instant());
        return key.view();
    }

    /** The user a presented key belongs to, if it is one of ours and not revoked. */
    @Transactional(readOnly = true)
    public Optional<String> userOf(String presentedKey) {
        if (presentedKey == null || !presentedKey.startsWith(MARK) || presentedKey.length() > 100) {
            return Optional.empty();
        }
        return keys.findByKeyHash(hash(presentedKey)).filter(ApiKey::active).map(ApiKey::userId);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
