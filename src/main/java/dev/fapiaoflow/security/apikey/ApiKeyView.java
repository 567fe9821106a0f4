package dev.fapiaoflow.security.apikey;

import java.time.Instant;

/** An API key as its owner sees it later: never the key itself (public: FreeMarker sees only public types). */
public record ApiKeyView(long id, String name, String prefix, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
