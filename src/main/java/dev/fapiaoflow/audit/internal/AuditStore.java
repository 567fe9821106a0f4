package dev.fapiaoflow.audit.internal;

import java.time.Clock;
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
 * The audit trail's storage. Entries are queued ({@code audit_queue}) in the transaction of the change they record,
 * which locks nothing shared; {@link #sequence} then appends them to the chain ({@code audit_entry}) in batches: the
 * single row of {@code audit_chain_head} is locked (SELECT … FOR UPDATE) while the next sequence numbers and hashes
 * are taken, so sequencers on several nodes queue up behind each other and the chain never forks. A queued entry is
 * chained within a second ({@link AuditSequencer}), and before the trail is read or checked. The application only
 * ever inserts into the chain; there is no update or delete of chained entries anywhere.
 */
@Component
public class AuditStore {

    private static final int MAX_TEXT = 1000;
    /** entries chained per transaction; the head stays locked that long */
    static final int BATCH = 500;

    public record Draft(String actor, String action, String objectType, String objectId, String remoteAddress, String details) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    AuditStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public void appendAlone(List<Draft> drafts) {
        ownTransaction.executeWithoutResult(status -> appendInCurrentTransaction(drafts));
    }

    /** Queues the entries in the current transaction: they commit (or roll back) with it. */
    public void appendInCurrentTransaction(List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        // whole seconds: MySQL URLs here send no fractional seconds, and the stored value must hash the same when read back
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        for (Draft draft : drafts) {
            rows.add(new Object[] {now, cut(draft.actor(), 128), cut(draft.action(), 128), cut(draft.objectType(), 64),
                    cut(draft.objectId(), 128), cut(draft.remoteAddress(), 64), cut(draft.details(), MAX_TEXT)});
        }
        jdbc.batchUpdate("INSERT INTO audit_queue (occurred_at, actor, action, object_type, object_id, remote_address, details)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** Chains everything queued so far (committed), in batches. */
    public void sequenceQueued() {
        while (sequence(BATCH) == BATCH) {
            // more may be waiting
        }
    }

    /** Chains up to {@code max} queued entries, oldest first, in a transaction of its own; returns how many. */
    int sequence(int max) {
        // most runs find nothing: say so without locking the head, which every node's sequencer would take in turn
        if (jdbc.queryForList("SELECT id FROM audit_queue ORDER BY id LIMIT 1", Long.class).isEmpty()) {
            return 0;
        }
        Integer chained = ownTransaction.execute(status -> {
            var head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
            // read after the lock: what another node's sequencer chained meanwhile is gone from the queue
            List<Object[]> queued = jdbc.query("SELECT id, occurred_at, actor, action, object_type, object_id, remote_address,"
                    + " details FROM audit_queue ORDER BY id LIMIT ?", (row, i) -> new Object[] {row.getLong(1),
                            row.getObject(2, LocalDateTime.class), row.getString(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7), row.getString(8)}, max);
            if (queued.isEmpty()) {
                return 0;
            }
            long seq = ((Number) head.get("last_seq")).longValue();
            String previous = (String) head.get("last_hash");
            List<Object[]> rows = new ArrayList<>();
            for (Object[] q : queued) {
                seq++;
                AuditEntry entry = new AuditEntry(seq, ((LocalDateTime) q[1]).toInstant(ZoneOffset.UTC), (String) q[2],
                        (String) q[3], (String) q[4], (String) q[5], (String) q[6], (String) q[7], previous, null).withHash();
                rows.add(new Object[] {entry.seq(), q[1], entry.actor(), entry.action(), entry.objectType(), entry.objectId(),
                        entry.remoteAddress(), entry.details(), entry.prevHash(), entry.hash()});
                previous = entry.hash();
            }
            jdbc.batchUpdate("INSERT INTO audit_entry (seq, occurred_at, actor, action, object_type, object_id, remote_address,"
                    + " details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            jdbc.batchUpdate("DELETE FROM audit_queue WHERE id = ?", queued.stream().map(q -> new Object[] {q[0]}).toList());
            jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, previous);
            return queued.size();
        });
        return chained == null ? 0 : chained;
    }

    public ChainCheck.Result verify() {
        sequenceQueued();
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
