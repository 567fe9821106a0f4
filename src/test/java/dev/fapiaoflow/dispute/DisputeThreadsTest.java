package dev.fapiaoflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisputeThreadsTest {

    @Test
    void stoppingClosesEveryOpenPageSoGracefulShutdownNeedNotWaitForThem() {
        DisputeThreads threads = new DisputeThreads();
        threads.start();
        threads.subscribe(7L, "service", false);
        threads.subscribe(7L, "alice", true);
        assertThat(threads.serviceWatching(7L)).isTrue();
        assertThat(threads.customerWatching(7L, "alice")).isTrue();

        threads.stop();

        assertThat(threads.isRunning()).isFalse();
        assertThat(threads.serviceWatching(7L)).isFalse();
        assertThat(threads.customerWatching(7L, "alice")).isFalse();
    }

    @Test
    void stopsBeforeTheWebServerBeginsItsGracefulShutdown() {
        assertThat(new DisputeThreads().getPhase())
                .isGreaterThan(org.springframework.context.SmartLifecycle.DEFAULT_PHASE - 1024);
    }
}
