package dev.fapiaoflow.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's backlog in the shared database: jobs due and waiting for a job executor (the queue depth), jobs out of
 * retries, and open incidents. Counted with plain SQL on Camunda's tables (the engine's query API would apply the
 * caller's authorizations) and cached for a second, so metrics scrapes and the load check of every new request cost
 * at most one count per second and node.
 */
@Component
public class EngineBacklog {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);
    private static final String EXECUTABLE = "select count(*) from ACT_RU_JOB where RETRIES_ > 0"
            + " and (DUEDATE_ is null or DUEDATE_ <= ?) and (SUSPENSION_STATE_ is null or SUSPENSION_STATE_ = 1)";

    private final JdbcTemplate jdbc;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(0, 0, 0, 0));

    public EngineBacklog(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("fapiaoflow.jobs.executable", this, backlog -> backlog.snapshot().executableJobs())
                .description("engine jobs due and waiting for a job executor (all nodes)").register(meters);
        Gauge.builder("fapiaoflow.jobs.failed", this, backlog -> backlog.snapshot().failedJobs())
                .description("engine jobs out of retries (each has an incident)").register(meters);
        Gauge.builder("fapiaoflow.incidents.open", this, backlog -> backlog.snapshot().openIncidents())
                .description("open incidents, visible in Cockpit").register(meters);
    }

    /** Jobs due and waiting, at most a second old. */
    public long executableJobs() {
        return snapshot().executableJobs();
    }

    public long openIncidents() {
        return snapshot().openIncidents();
    }

    Snapshot snapshot() {
        Snapshot current = last.get();
        long now = System.nanoTime();
        if (current.takenAt() != 0 && now - current.takenAt() < FRESH_FOR.toNanos()) {
            return current;
        }
        Snapshot fresh;
        try {
            // the engine's clock: due dates are written with it (and tests move it)
            fresh = new Snapshot(now, count(EXECUTABLE, new Timestamp(ClockUtil.getCurrentTime().getTime())),
                    count("select count(*) from ACT_RU_JOB where RETRIES_ = 0"),
                    count("select count(*) from ACT_RU_INCIDENT"));
        } catch (DataAccessException databaseUnavailable) {
            // keep the last figures for a second rather than asking a database that is down on every call
            fresh = new Snapshot(now, current.executableJobs(), current.failedJobs(), current.openIncidents());
        }
        last.set(fresh);
        return fresh;
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    record Snapshot(long takenAt, long executableJobs, long failedJobs, long openIncidents) {
    }
}
