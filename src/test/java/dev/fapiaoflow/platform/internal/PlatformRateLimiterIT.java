package dev.fapiaoflow.platform.internal;

import java.sql.Connection;
import java.sql.ResultSet;

import javax.sql.DataSource;

import com.mysql.cj.jdbc.MysqlDataSource;

import dev.fapiaoflow.support.MariaDbSupport;
import dev.fapiaoflow.support.TestDatabase;

/**
 * {@link PlatformRateLimiterTest} on MariaDB: two nodes' proxy managers lock the same bucket rows with
 * {@code SELECT … FOR UPDATE} under InnoDB, as in a cluster on MySQL/MariaDB. Each test uses buckets of its own
 * (a fresh app key), so the rows other tests or contexts left in the shared test database do not matter.
 */
class PlatformRateLimiterIT extends PlatformRateLimiterTest {

    @Override
    DataSource newDatabase() throws Exception {
        TestDatabase mariaDb = MariaDbSupport.database();
        MysqlDataSource dataSource = new MysqlDataSource();
        dataSource.setURL(mariaDb.jdbcUrl(MariaDbSupport.URL_OPTIONS));
        dataSource.setUser("root");
        dataSource.setPassword("");
        if (!tableExists(dataSource)) {
            createTable(dataSource);
        }
        return dataSource;
    }

    private static boolean tableExists(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "platform_rate_bucket", null)) {
            return tables.next();
        }
    }
}
