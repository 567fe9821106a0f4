package dev.fapiaoflow.verification.internal;

import java.time.LocalDate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national limit of checks per invoice per day, counted in the shared database so every node takes from the same
 * count: one row per invoice and day, raised by a conditional update that passes only below the limit. A check taken
 * is not given back when the provider then fails: the authority may have counted it too.
 */
@Component
public class ProviderCheckQuota {

    private final JdbcTemplate jdbc;

    ProviderCheckQuota(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes one check of today's {@code limit} for the invoice; false when they are all used. Commits at once. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean take(String invoiceKey, LocalDate day, int limit) {
        for (int attempt = 0; attempt < 2; attempt++) {
            int raised = jdbc.update("UPDATE provider_check_quota SET used = used + 1 WHERE invoice_key = ? AND check_day = ? AND used < ?",
                    invoiceKey, day, limit);
            if (raised == 1) {
                return true;
            }
            Integer used = jdbc.query("SELECT used FROM provider_check_quota WHERE invoice_key = ? AND check_day = ?",
                    rs -> rs.next() ? rs.getInt(1) : null, invoiceKey, day);
            if (used != null) {
                return false;
            }
            try {
                jdbc.update("INSERT INTO provider_check_quota (invoice_key, check_day, used) VALUES (?, ?, 1)", invoiceKey, day);
                return true;
            } catch (DuplicateKeyException e) {
                // another node inserted the day's row first: count on it
            }
        }
        return false;
    }

    public int used(String invoiceKey, LocalDate day) {
        Integer used = jdbc.query("SELECT used FROM provider_check_quota WHERE invoice_key = ? AND check_day = ?",
                rs -> rs.next() ? rs.getInt(1) : null, invoiceKey, day);
        return used == null ? 0 : used;
    }
}
