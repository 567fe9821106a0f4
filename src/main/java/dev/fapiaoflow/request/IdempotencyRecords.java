package dev.fapiaoflow.request;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Idempotency-Key → the request it created, per customer. The primary key settles concurrent retries. */
@Component
class IdempotencyRecords {

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> requestFor(String customer, String key) {
        return jdbc.queryForList("SELECT request_id FROM idempotency_record WHERE customer = ? AND idem_key = ?", Long.class,
                customer, key).stream().findFirst();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the same key was taken meanwhile. */
    void record(String customer, String key, long requestId, Instant at) {
        jdbc.update("INSERT INTO idempotency_record (customer, idem_key, request_id, created_at) VALUES (?, ?, ?, ?)",
                customer, key, requestId, Timestamp.from(at));
    }
}
