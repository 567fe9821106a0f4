package dev.fapiaoflow.verification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.security.FieldCipher;
import dev.fapiaoflow.verification.ForeignCheckAnswer;

/**
 * The record of every foreign check (table {@code foreign_check}): who asked, the answer and the provider's raw answer,
 * both sealed with the field keyset because they name the buyer and carry tax IDs and bank accounts.
 */
@Component
public class ForeignCheckStore {

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final ObjectMapper json;

    ForeignCheckStore(JdbcTemplate jdbc, FieldCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    public record Asked(String clientId, String userId, String invoiceKey, String fingerprint) {
    }

    public void record(Asked asked, Instant at, LocalDate day, ForeignCheckAnswer answer, String raw) {
        jdbc.update("INSERT INTO foreign_check (checked_at, check_day, client_id, user_id, provider, invoice_key, query_fingerprint, "
                + "from_record, result, status, answer_sealed, raw_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(at), day, asked.clientId(), asked.userId(), answer.provider(), asked.invoiceKey(), asked.fingerprint(),
                answer.fromRecord(), answer.result().name(), answer.status() == null ? null : answer.status().name(),
                cipher.encrypt(write(answer)), raw == null ? null : cipher.encrypt(raw));
    }

    /** The latest answer fetched from the provider for exactly these facts since {@code since}. */
    public Optional<ForeignCheckAnswer> latestFetched(String fingerprint, Instant since) {
        return jdbc.query("SELECT answer_sealed FROM foreign_check WHERE query_fingerprint = ? AND from_record = FALSE AND checked_at >= ? "
                + "ORDER BY checked_at DESC, id DESC", rs -> rs.next() ? Optional.of(read(cipher.decrypt(rs.getString(1))))
                        : Optional.<ForeignCheckAnswer>empty(), fingerprint, Timestamp.from(since));
    }

    /** The provider's raw answer of the latest fetched check of an invoice, decrypted (for audit). */
    public Optional<String> latestRaw(String invoiceKey) {
        return jdbc.query("SELECT raw_sealed FROM foreign_check WHERE invoice_key = ? AND raw_sealed IS NOT NULL "
                + "ORDER BY checked_at DESC, id DESC", rs -> rs.next() ? Optional.of(cipher.decrypt(rs.getString(1))) : Optional.<String>empty(),
                invoiceKey);
    }

    public long countFetched(String invoiceKey) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM foreign_check WHERE invoice_key = ? AND from_record = FALSE", Long.class,
                invoiceKey);
        return count == null ? 0 : count;
    }

    private String write(ForeignCheckAnswer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check answer is always JSON", e);
        }
    }

    private ForeignCheckAnswer read(String text) {
        try {
            return json.readValue(text, ForeignCheckAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored check answer unreadable", e);
        }
    }
}
