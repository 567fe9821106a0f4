package dev.fapiaoflow.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.audit.AuditLog;

/**
 * Re-encrypts every encrypted column under the current primary key, online: the columns are found in the JPA
 * mapping (every column converted by {@link EncryptedStringConverter}, embedded ones included) and among the
 * {@link SealedColumn} beans (columns features seal by plain JDBC), and each is walked
 * in id order in batches, each batch in its own short transaction that locks only its rows. A value already under
 * the primary key is left alone, so running it again changes nothing; a row written meanwhile is written under
 * the primary key anyway.
 */
@Component
public class ReEncryption {

    private static final Logger log = LoggerFactory.getLogger(ReEncryption.class);

    public record ColumnCount(String table, String column, long scanned, long reEncrypted) {
    }

    public record Report(int primaryKeyId, long scanned, long reEncrypted, List<ColumnCount> columns) {
    }

    record EncryptedColumn(String table, String column, String idColumn) {
    }

    private final FieldCipher cipher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate batchTransaction;
    private final EntityManagerFactory entityManagerFactory;
    private final AuditLog audit;
    private final ObjectProvider<SealedColumn> sealedByJdbc;

    ReEncryption(FieldCipher cipher, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            EntityManagerFactory entityManagerFactory, AuditLog audit, ObjectProvider<SealedColumn> sealedByJdbc) {
        this.sealedByJdbc = sealedByJdbc;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.entityManagerFactory = entityManagerFactory;
        this.audit = audit;
    }

    public Report run(int batchSize) {
        List<ColumnCount> counts = new ArrayList<>();
        for (EncryptedColumn column : encryptedColumns()) {
            counts.add(reEncrypt(column, batchSize));
        }
        Report report = new Report(cipher.primaryKeyId(), counts.stream().mapToLong(ColumnCount::scanned).sum(),
                counts.stream().mapToLong(ColumnCount::reEncrypted).sum(), counts);
        log.info("Re-encrypted {} of {} encrypted values under key {}", report.reEncrypted(), report.scanned(),
                Integer.toUnsignedString(report.primaryKeyId()));
        audit.record("KEY RE-ENCRYPT", "data-encryption-keyset", Integer.toUnsignedString(report.primaryKeyId()),
                "re-encrypted " + report.reEncrypted() + " of " + report.scanned() + " values in " + counts.size() + " columns");
        return report;
    }

    /**
     * table and column of every attribute converted by EncryptedStringConverter, with the table's id column, and of
     * every column declared as a {@link SealedColumn}
     */
    List<EncryptedColumn> encryptedColumns() {
        Map<String, EncryptedColumn> columns = new LinkedHashMap<>();
        SessionFactoryImplementor factory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        factory.getMappingMetamodel().forEachEntityDescriptor(entity -> {
            List<String> ids = new ArrayList<>();
            entity.getIdentifierMapping().forEachSelectable((i, id) -> ids.add(id.getSelectionExpression()));
            entity.forEachSelectable((i, selectable) -> {
                if (selectable.getJdbcMapping().getValueConverter() instanceof JpaAttributeConverter<?, ?> converter
                        && EncryptedStringConverter.class.equals(converter.getConverterJavaType().getJavaTypeClass())) {
                    if (ids.size() != 1) {
                        throw new IllegalStateException(entity.getEntityName() + " has an encrypted column but no single id column");
                    }
                    EncryptedColumn column = new EncryptedColumn(selectable.getContainingTableExpression(),
                            selectable.getSelectionExpression(), ids.get(0));
                    columns.putIfAbsent(column.table() + "." + column.column(), column);
                }
            });
        });
        sealedByJdbc.orderedStream().forEach(sealed -> columns.putIfAbsent(sealed.table() + "." + sealed.column(),
                new EncryptedColumn(sealed.table(), sealed.column(), sealed.idColumn())));
        return List.copyOf(columns.values());
    }

    private ColumnCount reEncrypt(EncryptedColumn column, int batchSize) {
        long scanned = 0;
        long changed = 0;
        Object after = null;
        while (true) {
            Object from = after;
            BatchResult batch = batchTransaction.execute(status -> reEncryptBatch(column, from, batchSize));
            scanned += batch.scanned();
            changed += batch.changed();
            if (batch.scanned() < batchSize) {
                return new ColumnCount(column.table(), column.column(), scanned, changed);
            }
            after = batch.lastId();
        }
    }

    private record BatchResult(long scanned, long changed, Object lastId) {
    }

    private BatchResult reEncryptBatch(EncryptedColumn column, Object after, int batchSize) {
        String select = "SELECT " + column.idColumn() + ", " + column.column() + " FROM " + column.table() + " WHERE "
                + column.column() + " IS NOT NULL" + (after == null ? "" : " AND " + column.idColumn() + " > ?")
                + " ORDER BY " + column.idColumn() + " LIMIT " + batchSize + " FOR UPDATE";
        List<Object[]> rows = after == null
                ? jdbc.query(select, (r, i) -> new Object[] {r.getObject(1), r.getString(2)})
                : jdbc.query(select, (r, i) -> new Object[] {r.getObject(1), r.getString(2)}, after);
        List<Object[]> updates = new ArrayList<>();
        for (Object[] row : rows) {
            String ciphertext = (String) row[1];
            if (!cipher.isUnderPrimaryKey(ciphertext)) {
                updates.add(new Object[] {cipher.encrypt(cipher.decrypt(ciphertext)), row[0]});
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE " + column.idColumn() + " = ?",
                    updates);
        }
        return new BatchResult(rows.size(), updates.size(), rows.isEmpty() ? after : rows.get(rows.size() - 1)[0]);
    }
}
