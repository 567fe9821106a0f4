package dev.fapiaoflow.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j's select-for-update proxy manager over our own database (table {@code platform_rate_bucket}), the same
 * scheme as Bucket4j's JDBC modules (which Maven Central does not serve here): each consumption locks the bucket's row
 * in a short transaction of its own connection, so every node sees one bucket. Plain SQL that H2 and MariaDB/MySQL
 * both run.
 */
class JdbcBucketProxyManager extends AbstractSelectForUpdateBasedProxyManager<String> {

    private final DataSource dataSource;

    JdbcBucketProxyManager(DataSource dataSource) {
        super(ClientSideConfig.getDefault());
        this.dataSource = dataSource;
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        return new SelectForUpdateBasedTransaction() {
            private Connection connection;

            @Override
            public void begin(Optional<Long> timeout) {
                try {
                    connection = dataSource.getConnection();
                    connection.setAutoCommit(false);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot open the rate-limit transaction", e);
                }
            }

            @Override
            public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
                try (PreparedStatement select = connection.prepareStatement("SELECT state FROM platform_rate_bucket WHERE id = ? FOR UPDATE")) {
                    applyTimeout(select, timeout);
                    select.setString(1, key);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot lock rate-limit bucket " + key, e);
                }
            }

            @Override
            public boolean tryInsertEmptyData(Optional<Long> timeout) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO platform_rate_bucket (id, state) VALUES (?, NULL)")) {
                    applyTimeout(insert, timeout);
                    insert.setString(1, key);
                    insert.executeUpdate();
                    connection.commit();
                    return true;
                } catch (SQLException e) {
                    // another node inserted the row first: roll back and lock that one
                    rollback();
                    return true;
                }
            }

            @Override
            public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeout) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE platform_rate_bucket SET state = ? WHERE id = ?")) {
                    applyTimeout(update, timeout);
                    update.setBytes(1, data);
                    update.setString(2, key);
                    update.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot update rate-limit bucket " + key, e);
                }
            }

            @Override
            public void commit(Optional<Long> timeout) {
                try {
                    connection.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot commit rate-limit bucket " + key, e);
                }
            }

            @Override
            public void rollback() {
                try {
                    connection.rollback();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot roll back rate-limit bucket " + key, e);
                }
            }

            @Override
            public void release() {
                try {
                    if (connection != null) {
                        connection.close();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot release the rate-limit connection", e);
                }
            }
        };
    }

    @Override
    public void removeProxy(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM platform_rate_bucket WHERE id = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove rate-limit bucket " + key, e);
        }
    }
}
