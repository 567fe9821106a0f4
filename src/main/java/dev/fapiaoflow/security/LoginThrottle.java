package dev.fapiaoflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Failed logins back off per account and client address, and lock an account only for a bounded time, so a stranger
 * can neither guess quickly nor lock the owner out for good (issue 16; Camunda's own lockout was per account only and
 * permanent after ten failures, for the administrator too).
 * <ul>
 * <li>Per account and address: after the n-th failure from an address, that address is refused for that account for
 * {@code firstDelay × 2^(n-1)}, at most {@code maxDelay}. The owner at another address is not affected; a success
 * from the address clears its count.</li>
 * <li>Per account: {@code accountLockFailures} failures from all addresses together lock the account everywhere for
 * {@code accountLock}, then counting starts again. The owner's successes do not reset this count (an API client
 * logging in every minute would otherwise give a botnet unlimited guesses); it is forgotten {@code forgetAfter} after
 * the last failure. One address alone needs hours to get there, given its own back-off.</li>
 * </ul>
 * Rows live in the shared database ({@code login_failure}), so every node counts alike. Failures are counted only for
 * existing accounts (the answer is the same either way), which bounds the table by accounts × addresses; rows that
 * neither block nor count any more are swept now and then.
 */
@Component
@EnableConfigurationProperties(LoginProperties.class)
class LoginThrottle {

    /** the client of the account-wide row */
    static final String EVERY_CLIENT = "*";
    private static final int SWEEP_EVERY = 200;
    private static final int MAX_CLIENT = 64;

    private record Row(int failures, Instant lastFailureAt, Instant blockedUntil) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LoginProperties properties;
    private final AtomicInteger failuresSinceSweep = new AtomicInteger();

    LoginThrottle(JdbcTemplate jdbc, Clock clock, LoginProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Where the attempt comes from: the request's remote address (the client's, behind a proxy with forward headers). */
    static String clientOf(Authentication authentication) {
        String address = null;
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            address = details.getRemoteAddress();
        } else if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            address = request.getRemoteAddr();
        }
        if (address == null || address.isBlank() || EVERY_CLIENT.equals(address)) {
            return "unknown";
        }
        return address.length() > MAX_CLIENT ? address.substring(0, MAX_CLIENT) : address;
    }

    /** Until when the account is refused to this client, right password or not; empty when it may try now. */
    Optional<Instant> refusedUntil(String userId, String client) {
        Timestamp until = jdbc.queryForObject("SELECT MAX(blocked_until) FROM login_failure WHERE user_id = ? AND client IN (?, ?)",
                Timestamp.class, userId, client, EVERY_CLIENT);
        Instant now = clock.instant();
        return until == null || !until.toInstant().isAfter(now) ? Optional.empty() : Optional.of(until.toInstant());
    }

    /** Until when the account is locked for everyone after failures from many addresses; empty when it is not. */
    Optional<Instant> accountLockedUntil(String userId) {
        return refusedUntil(userId, EVERY_CLIENT);
    }

    void failed(String userId, String client) {
        Instant now = clock.instant();
        record(userId, client, now, failures -> now.plus(backOff(failures)), false);
        record(userId, EVERY_CLIENT, now, failures -> failures >= properties.accountLockFailures()
                ? now.plus(properties.accountLock()) : now, true);
        if (failuresSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            failuresSinceSweep.set(0);
            sweep(now);
        }
    }

    /** The right password from this client: its back-off ends (the account-wide count goes on, see above). */
    void succeeded(String userId, String client) {
        jdbc.update("DELETE FROM login_failure WHERE user_id = ? AND client = ?", userId, client);
    }

    /** An administrator's (or the recovery command's) unlock: every back-off and lock of the account ends. */
    void clear(String userId) {
        jdbc.update("DELETE FROM login_failure WHERE user_id = ?", userId);
    }

    private Duration backOff(int failures) {
        Duration delay = properties.firstDelay();
        for (int i = 1; i < failures && delay.compareTo(properties.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
    }

    private interface BlockedUntil {
        Instant after(int failures);
    }

    /**
     * Counts one more failure in the row, compare-and-set on the count so that concurrent failures on several nodes are
     * each counted. A lock that fires ({@code resetOnBlock}) starts the count again, so it lasts its time and no longer.
     */
    private void record(String userId, String client, Instant now, BlockedUntil blockedUntil, boolean resetOnBlock) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<Row> row = read(userId, client);
            if (row.isEmpty()) {
                try {
                    Instant until = blockedUntil.after(1);
                    jdbc.update("INSERT INTO login_failure (user_id, client, failures, last_failure_at, blocked_until) VALUES (?, ?, ?, ?, ?)",
                            userId, client, resetOnBlock && until.isAfter(now) ? 0 : 1, Timestamp.from(now), Timestamp.from(until));
                    return;
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            Row current = row.get();
            boolean forgotten = current.lastFailureAt().plus(properties.forgetAfter()).isBefore(now);
            int failures = (forgotten ? 0 : current.failures()) + 1;
            Instant until = blockedUntil.after(failures);
            if (until.isBefore(current.blockedUntil())) {
                until = current.blockedUntil(); // a running lock is never shortened
            }
            int stored = resetOnBlock && until.isAfter(now) && !until.equals(current.blockedUntil()) ? 0 : failures;
            int updated = jdbc.update("UPDATE login_failure SET failures = ?, last_failure_at = ?, blocked_until = ? "
                    + "WHERE user_id = ? AND client = ? AND failures = ?", stored, Timestamp.from(now), Timestamp.from(until),
                    userId, client, current.failures());
            if (updated == 1) {
                return;
            }
        }
    }

    private Optional<Row> read(String userId, String client) {
        List<Row> rows = jdbc.query("SELECT failures, last_failure_at, blocked_until FROM login_failure WHERE user_id = ? AND client = ?",
                (rs, i) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()), userId, client);
        return rows.stream().findFirst();
    }

    private void sweep(Instant now) {
        jdbc.update("DELETE FROM login_failure WHERE last_failure_at < ? AND blocked_until < ?",
                Timestamp.from(now.minus(properties.forgetAfter())), Timestamp.from(now));
    }
}
