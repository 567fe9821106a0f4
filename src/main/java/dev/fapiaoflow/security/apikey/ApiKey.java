package dev.fapiaoflow.security.apikey;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An API key of one user: only the SHA-256 of the key is kept, and its first characters to tell keys apart. */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String userId;
    private String name;
    private String prefix;
    private String keyHash;
    private Instant createdAt;
    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String userId, String name, String prefix, String keyHash, Instant createdAt) {
        this.userId = userId;
        this.name = name;
        this.prefix = prefix;
        this.keyHash = keyHash;
        this.createdAt = createdAt;
    }

    /** Once: revoking again keeps the first time. */
    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    boolean active() {
        return revokedAt == null;
    }

    ApiKeyView view() {
        return new ApiKeyView(id, name, prefix, createdAt, revokedAt);
    }

    Long id() { return id; }
    String userId() { return userId; }
}
