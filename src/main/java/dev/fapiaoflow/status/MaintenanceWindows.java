package dev.fapiaoflow.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/**
 * The maintenance windows: posted and cancelled by an administrator, read by the status page, the banner and the
 * verification gate. {@link #current()} is asked on every page and verification call, so it keeps its answer for a
 * few seconds: a window starts or ends at most that much late on each node.
 */
@Service
public class MaintenanceWindows {

    static final int MESSAGE_MAX = 500;
    private static final Duration CACHED_FOR = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Cached cached = new Cached(Instant.MIN, Optional.empty());

    MaintenanceWindows(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** the window going on now, if any */
    public Optional<MaintenanceWindow> current() {
        Instant now = clock.instant();
        Cached seen = cached;
        if (now.isBefore(seen.until())) {
            return seen.window().filter(w -> w.coversTime(now));
        }
        Optional<MaintenanceWindow> found = jdbc.query("SELECT * FROM maintenance_window WHERE starts_at <= ? AND ends_at > ?"
                + " ORDER BY ends_at DESC", MaintenanceWindows::window, Timestamp.from(now), Timestamp.from(now)).stream().findFirst();
        cached = new Cached(now.plus(CACHED_FOR), found);
        return found;
    }

    /** how long until the window ends, by this service's clock */
    public Duration timeLeft(MaintenanceWindow window) {
        return Duration.between(clock.instant(), window.endsAt());
    }

    /** the windows going on now or still to come, soonest first */
    public List<MaintenanceWindow> currentAndUpcoming() {
        return jdbc.query("SELECT * FROM maintenance_window WHERE ends_at > ? ORDER BY starts_at, id",
                MaintenanceWindows::window, Timestamp.from(clock.instant()));
    }

    @Transactional
    public MaintenanceWindow post(Instant startsAt, Instant endsAt, String message, String user) {
        String words = message == null ? "" : message.strip();
        List<FieldError> errors = new ArrayList<>();
        if (startsAt == null) {
            errors.add(new FieldError("startsAt", Texts.of("field.required")));
        }
        if (endsAt == null) {
            errors.add(new FieldError("endsAt", Texts.of("field.required")));
        } else if (startsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add(new FieldError("endsAt", Texts.of("maintenance.endsAt.afterStart")));
        } else if (!endsAt.isAfter(clock.instant())) {
            errors.add(new FieldError("endsAt", Texts.of("maintenance.endsAt.future")));
        }
        if (words.isEmpty() || words.length() > MESSAGE_MAX) {
            errors.add(new FieldError("message", Texts.of("maintenance.message.length", MESSAGE_MAX)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO maintenance_window (starts_at, ends_at, message, created_by,"
                    + " created_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setTimestamp(1, Timestamp.from(startsAt));
            insert.setTimestamp(2, Timestamp.from(endsAt));
            insert.setString(3, words);
            insert.setString(4, user);
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            return insert;
        }, key);
        forget();
        return new MaintenanceWindow(key.getKey().longValue(), startsAt, endsAt, words, user);
    }

    /** ends a window now (or removes one still to come) */
    @Transactional
    public void cancel(long id) {
        if (jdbc.update("DELETE FROM maintenance_window WHERE id = ?", id) == 0) {
            throw new NotFoundException("maintenance window", id);
        }
        forget();
    }

    private void forget() {
        cached = new Cached(Instant.MIN, Optional.empty());
    }

    private static MaintenanceWindow window(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new MaintenanceWindow(row.getLong("id"), row.getTimestamp("starts_at").toInstant(),
                row.getTimestamp("ends_at").toInstant(), row.getString("message"), row.getString("created_by"));
    }

    private record Cached(Instant until, Optional<MaintenanceWindow> window) {
    }
}
