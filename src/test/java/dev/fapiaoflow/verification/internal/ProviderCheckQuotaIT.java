package dev.fapiaoflow.verification.internal;

import java.sql.Connection;
import java.sql.ResultSet;

import javax.sql.DataSource;

import com.mysql.cj.jdbc.MysqlDataSource;

import dev.fapiaoflow.support.MariaDbSupport;
import dev.fapiaoflow.support.TestDatabase;

/**
 * {@link ProviderCheckQuotaTest} on MariaDB: two nodes' conditional updates of one quota row under InnoDB, as in a
 * cluster on MySQL/MariaDB. Each test counts an invoice of its own, so rows left by other runs do not matter.
 */
class ProviderCheckQuotaIT extends ProviderCheckQuotaTest {

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
                ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "provider_check_quota", null)) {
            return tables.next();
        }
    }
}
