package dev.fapiaoflow.security.apikey;

import java.time.Instant;

/** A key just created: the only moment {@code key} exists outside the caller's hands. */
public record CreatedApiKey(long id, String name, String prefix, Instant createdAt, String key) {

    @Override
    public String toString() {
        return "CreatedApiKey[id=" + id + ", prefix=" + prefix + "]";
    }
}
