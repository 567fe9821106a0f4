package dev.fapiaoflow.security;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Accounts an administrator locked ({@code account_lock}): refused at every login until unlocked. */
@Component
public class AccountLocks {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccountLocks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isLocked(String userId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM account_lock WHERE user_id = ?", Integer.class, userId);
        return count != null && count > 0;
    }

    void lock(String userId, String lockedBy) {
        if (!isLocked(userId)) {
            jdbc.update("INSERT INTO account_lock (user_id, locked_by, locked_at) VALUES (?, ?, ?)", userId, lockedBy,
                    Timestamp.from(clock.instant()));
        }
    }

    void unlock(String userId) {
        jdbc.update("DELETE FROM account_lock WHERE user_id = ?", userId);
    }
}
