package dev.fapiaoflow.periodic;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which customer's period already has its merged request. Plain JDBC like the order claims: the insert hits the
 * primary key (customer, period) at once, inside the transaction that creates the request.
 */
@Component
class PeriodicRuns {

    private final JdbcTemplate jdbc;

    PeriodicRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean invoiced(String customer, String period) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM periodic_invoice_run WHERE customer = ? AND period = ?",
                Integer.class, customer, period);
        return rows != null && rows > 0;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another run got there first */
    void record(String customer, String period, long requestId, Instant at) {
        jdbc.update("INSERT INTO periodic_invoice_run (customer, period, request_id, created_at) VALUES (?, ?, ?, ?)",
                customer, period, requestId, Timestamp.from(at));
    }
}
