package dev.fapiaoflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** One throw-away database ({@code fapiaoflow_it_<random>}, utf8mb4) on a {@link DatabaseServer}. */
public record TestDatabase(DatabaseServer server, String name) {

    static final String USER = "root";
    static final String PASSWORD = "";

    static TestDatabase create(DatabaseServer server) {
        String name = "fapiaoflow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + " on " + server.description(), e);
        }
        return new TestDatabase(server, name);
    }

    /** JDBC URL of this database with the given connection options (no leading {@code ?}). */
    public String jdbcUrl(String options) {
        return server.jdbcUrl(name) + "?" + options;
    }

    void drop() {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test database " + name + " on " + server.description(), e);
        }
    }

    /** A plain connection to this database, outside the application's pool. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(MariaDbSupport.URL_OPTIONS), USER, PASSWORD);
    }
}
