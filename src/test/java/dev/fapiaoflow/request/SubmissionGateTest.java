package dev.fapiaoflow.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.fapiaoflow.operations.EngineBacklog;
import dev.fapiaoflow.operations.LoadProperties;
import dev.fapiaoflow.shared.OverloadedException;

/** The door of POST /api/invoice-requests, on an H2 database holding the engine's job and incident tables. */
class SubmissionGateTest {

    private JdbcTemplate jdbc;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void engineTables() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:gate-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute("create table ACT_RU_JOB (ID_ varchar(64), RETRIES_ int, DUEDATE_ timestamp, SUSPENSION_STATE_ int)");
        jdbc.execute("create table ACT_RU_INCIDENT (ID_ varchar(64))");
    }

    @AfterEach
    void drop() {
        jdbc.execute("shutdown");
    }

    @Test
    void refusesWhileTheNodeStoresAsManyAsAllowedAndLetsInOnceOneIsDone() throws Exception {
        SubmissionGate gate = gate(new LoadProperties(1, Duration.ofMillis(50), 0, Duration.ofSeconds(3)));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = other.submit(() -> gate.admit(() -> {
                inside.countDown();
                await(release);
                return "first";
            }));
            assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> gate.admit(() -> "second"))
                    .isInstanceOfSatisfying(OverloadedException.class, e -> assertThat(e.retryAfter()).hasSeconds(3));
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(gate.admit(() -> "third")).isEqualTo("third");
        } finally {
            other.shutdownNow();
        }
        assertThat(meters.get("fapiaoflow.requests.submitted").tag("outcome", "accepted").counter().count()).isEqualTo(2);
        assertThat(meters.get("fapiaoflow.requests.submitted").tag("outcome", "shed-in-flight").counter().count()).isEqualTo(1);
    }

    @Test
    void letsInWhileTheDueJobsWithRetriesLeftAreNotAboveTheLimit() {
        jdbc.update("insert into ACT_RU_JOB values ('due-1', 3, null, 1), ('due-2', 3, dateadd('HOUR', -1, current_timestamp), 1),"
                + " ('later', 3, dateadd('HOUR', 1, current_timestamp), 1), ('failed', 0, null, 1), ('suspended', 3, null, 2)");
        assertThat(gate(new LoadProperties(8, Duration.ofSeconds(1), 2, Duration.ofSeconds(2))).admit(() -> "in")).isEqualTo("in");
        assertThat(meters.get("fapiaoflow.jobs.executable").gauge().value()).isEqualTo(2);
        assertThat(meters.get("fapiaoflow.jobs.failed").gauge().value()).isEqualTo(1);
    }

    @Test
    void refusesWhileTheEngineBacklogIsAboveTheLimit() {
        jdbc.update("insert into ACT_RU_JOB values ('due-1', 3, null, 1), ('due-2', 3, null, 1), ('due-3', 3, null, null)");
        assertThatThrownBy(() -> gate(new LoadProperties(8, Duration.ofSeconds(1), 2, Duration.ofSeconds(2))).admit(() -> "in"))
                .isInstanceOf(OverloadedException.class).hasMessageContaining("开票任务积压");
        assertThat(meters.get("fapiaoflow.requests.submitted").tag("outcome", "shed-backlog").counter().count()).isEqualTo(1);
    }

    private SubmissionGate gate(LoadProperties limits) {
        return new SubmissionGate(limits, new EngineBacklog(jdbc, meters), meters);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
