package dev.fapiaoflow.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The national limit of checks per invoice per day, shared by two nodes over one database: however the nodes race, no
 * more checks pass than the limit. Run on H2 with the table of migration V171; {@link ProviderCheckQuotaIT} runs it
 * on MariaDB.
 */
class ProviderCheckQuotaTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    DataSource database;

    @BeforeEach
    void database() throws Exception {
        database = newDatabase();
    }

    DataSource newDatabase() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:quota-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        createTable(h2);
        return h2;
    }

    static void createTable(DataSource database) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE provider_check_quota (invoice_key VARCHAR(40) NOT NULL, check_day DATE NOT NULL, "
                    + "used INT NOT NULL, PRIMARY KEY (invoice_key, check_day))");
        }
    }

    @Test
    void twoNodesRacingPassNoMoreChecksOfAnInvoiceThanTheDailyLimit() throws Exception {
        ProviderCheckQuota nodeA = new ProviderCheckQuota(new JdbcTemplate(database));
        ProviderCheckQuota nodeB = new ProviderCheckQuota(new JdbcTemplate(database));
        String invoice = "2511" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> takes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            ProviderCheckQuota node = i % 2 == 0 ? nodeA : nodeB;
            takes.add(threads.submit((Callable<Boolean>) () -> {
                start.await();
                return node.take(invoice, DAY, 5);
            }));
        }
        start.countDown();
        int passed = 0;
        for (Future<Boolean> take : takes) {
            passed += take.get() ? 1 : 0;
        }
        threads.shutdown();

        assertThat(passed).isEqualTo(5);
        assertThat(nodeB.used(invoice, DAY)).isEqualTo(5);
    }

    @Test
    void theLimitIsPerInvoiceAndPerDay() {
        ProviderCheckQuota node = new ProviderCheckQuota(new JdbcTemplate(database));
        String invoice = "0110021001-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            assertThat(node.take(invoice, DAY, 5)).isTrue();
        }

        assertThat(node.take(invoice, DAY, 5)).isFalse();
        assertThat(node.take(invoice, DAY.plusDays(1), 5)).isTrue();
        assertThat(node.take(invoice + "x", DAY, 5)).isTrue();
    }
}
