package dev.fapiaoflow.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.fapiaoflow.platform.PlatformBusy;

/**
 * The platform's limits hold across nodes: two limiters, each with its own Bucket4j proxy manager (two nodes), on one
 * database share one rate and one daily quota. Run on H2 with the table of the migration; {@link PlatformRateLimiterIT}
 * runs the same on MariaDB, whose row locks the proxy manager's {@code SELECT … FOR UPDATE} relies on.
 */
class PlatformRateLimiterTest {

    DataSource database;

    @BeforeEach
    void database() throws Exception {
        database = newDatabase();
    }

    /** a database with the table of the migration, as every node would share it */
    DataSource newDatabase() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:rate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        createTable(h2);
        return h2;
    }

    static void createTable(DataSource database) throws Exception {
        try (Connection connection = database.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute(Files.readString(Path.of(MIGRATION)));
        }
    }

    static final String MIGRATION = "src/main/resources/db/migration/V170__platform_rate_limit.sql";

    @Test
    void twoNodesTogetherPassNoMoreCallsThanTheConfiguredRate() throws Exception {
        PlatformProperties limits = limits(5, Duration.ZERO, 1000);
        PlatformRateLimiter nodeA = new PlatformRateLimiter(new JdbcBucketProxyManager(database), limits);
        PlatformRateLimiter nodeB = new PlatformRateLimiter(new JdbcBucketProxyManager(database), limits);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        long until = started + Duration.ofMillis(1500).toNanos();
        List<Future<Integer>> passed = new ArrayList<>();
        for (PlatformRateLimiter node : List.of(nodeA, nodeB, nodeA, nodeB)) {
            passed.add(threads.submit((Callable<Integer>) () -> {
                int calls = 0;
                while (System.nanoTime() < until) {
                    try {
                        node.acquire("nuonuo.OpeMplatform.queryInvoiceResult", false);
                        calls++;
                    } catch (PlatformBusy refused) {
                        Thread.sleep(5);
                    }
                }
                return calls;
            }));
        }
        int total = 0;
        for (Future<Integer> node : passed) {
            total += node.get();
        }
        threads.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;

        // a full bucket of 5, then 5 a second: about 12 in 1.5 s; two separate buckets would pass twice that
        assertThat(total).as("calls passed by both nodes in %.2f s", seconds).isGreaterThanOrEqualTo(5)
                .isLessThanOrEqualTo((int) Math.floor(5 + 5 * seconds) + 1);
    }

    @Test
    void theDailyQuotaOfInvoiceCallsIsSharedByTheNodesAndQueriesDoNotSpendIt() {
        PlatformProperties limits = limits(1000, Duration.ofSeconds(1), 3);
        PlatformRateLimiter nodeA = new PlatformRateLimiter(new JdbcBucketProxyManager(database), limits);
        PlatformRateLimiter nodeB = new PlatformRateLimiter(new JdbcBucketProxyManager(database), limits);

        nodeA.acquire("nuonuo.OpeMplatform.requestBillingNew", true);
        nodeB.acquire("nuonuo.OpeMplatform.requestBillingNew", true);
        nodeA.acquire("nuonuo.OpeMplatform.queryInvoiceResult", false);
        nodeB.acquire("nuonuo.OpeMplatform.saveInvoiceRedConfirm", true);
        Throwable fourth = catchThrowable(() -> nodeA.acquire("nuonuo.OpeMplatform.requestBillingNew", true));

        assertThat(fourth).isInstanceOf(PlatformBusy.class).hasMessageContaining("daily quota of 3");
        nodeB.acquire("nuonuo.OpeMplatform.queryInvoiceResult", false);
    }

    static PlatformProperties limits(int perSecond, Duration wait, int dailyQuota) {
        return new PlatformProperties(null, "app-key-" + UUID.randomUUID(), "secret", null, Duration.ofSeconds(5),
                Duration.ofMinutes(1), Duration.ofHours(24), 20,
                new PlatformProperties.Simulator(false, 0, null, Duration.ofHours(24), Duration.ZERO), "91110108MA01ABCD2H",
                perSecond, wait, dailyQuota, Duration.ofSeconds(10));
    }
}
