package dev.fapiaoflow.issuance;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** When requests got their invoices: for reports on the time from request to invoice. */
@Component
public class IssuedRequests {

    private final JdbcTemplate jdbc;

    IssuedRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The requests whose first blue invoice was issued in [from, to), with that moment. A re-issue after a correction
     * does not count again: the customer waited for the first.
     */
    public Map<Long, Instant> firstIssuedBetween(Instant from, Instant to) {
        Map<Long, Instant> issued = new LinkedHashMap<>();
        jdbc.query("SELECT request_id, MIN(issued_at) AS first_issued FROM invoice WHERE kind = ? AND request_id IS NOT NULL"
                + " AND issued_at < ? GROUP BY request_id HAVING MIN(issued_at) >= ?",
                row -> {
                    issued.put(row.getLong("request_id"),
                            row.getObject("first_issued", LocalDateTime.class).toInstant(ZoneOffset.UTC));
                }, InvoiceKind.BLUE.name(), utc(to), utc(from));
        return issued;
    }

    /** times are stored as UTC wall-clock values (hibernate.jdbc.time_zone: UTC) */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
