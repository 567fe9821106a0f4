package dev.fapiaoflow.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.audit.AuditEntry;
import dev.fapiaoflow.audit.ChainCheck;

/**
 * Appends to {@code audit_entry}: the single row of {@code audit_chain_head} is locked (SELECT … FOR UPDATE) while
 * the next sequence number and hash are taken, so concurrent appends on any node queue up behind each other and the
 * chain never forks. The application only ever inserts; there is no update or delete of entries anywhere.
 */
@Component
public class AuditStore {

    private static final int MAX_TEXT = 1000;
    private static final org.springframework.orm.jpa.vendor.HibernateJpaDialect JPA_DIALECT =
            new org.springframework.orm.jpa.vendor.HibernateJpaDialect();

    public record Draft(String actor, String action, String objectType, String objectId, String remoteAddress, String details) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    private final jakarta.persistence.EntityManagerFactory entityManagerFactory;

    AuditStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            jakarta.persistence.EntityManagerFactory entityManagerFactory) {
        this.jdbc = jdbc;
        this.entityManagerFactory = entityManagerFactory;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public void appendAlone(List<Draft> drafts) {
        ownTransaction.executeWithoutResult(status -> appendInCurrentTransaction(drafts));
    }

    /** call inside a read-write transaction */
    public void appendInCurrentTransaction(List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        // the transaction's pending entity changes first: flushed after taking the chain's lock, they could wait for a row
        // that another transaction holds while it waits for the chain (a deadlock)
        if (org.springframework.transaction.support.TransactionSynchronizationManager.getResource(entityManagerFactory)
                instanceof org.springframework.orm.jpa.EntityManagerHolder holder && holder.isSynchronizedWithTransaction()) {
            try {
                holder.getEntityManager().flush();
            } catch (RuntimeException e) {
                // as the commit would have reported it, e.g. DataIntegrityViolationException for a duplicate key
                RuntimeException translated = JPA_DIALECT.translateExceptionIfPossible(e);
                throw translated == null ? e : translated;
            }
        }
        var head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
        long seq = ((Number) head.get("last_seq")).longValue();
        String previous = (String) head.get("last_hash");
        // whole seconds: MySQL URLs here send no fractional seconds, and the stored value must hash the same when read back
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<Object[]> rows = new ArrayList<>();
        for (Draft draft : drafts) {
            seq++;
            AuditEntry entry = new AuditEntry(seq, now, cut(draft.actor(), 128), cut(draft.action(), 128),
                    cut(draft.objectType(), 64), cut(draft.objectId(), 128), cut(draft.remoteAddress(), 64),
                    cut(draft.details(), MAX_TEXT), previous, null).withHash();
            rows.add(new Object[] {entry.seq(), LocalDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC), entry.actor(),
                    entry.action(), entry.objectType(), entry.objectId(), entry.remoteAddress(), entry.details(),
                    entry.prevHash(), entry.hash()});
            previous = entry.hash();
        }
        jdbc.batchUpdate("INSERT INTO audit_entry (seq, occurred_at, actor, action, object_type, object_id, remote_address,"
                + " details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, previous);
    }

    public ChainCheck.Result verify() {
        return jdbc.execute((java.sql.Connection connection) -> ChainCheck.walk(connection));
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        // a code point is never split, so the stored text is still valid UTF-16/utf8mb4
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
