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
import dev.fapiaoflow.audit.ChainMac;

/**
 * The audit trail's storage. Entries are queued ({@code audit_queue}) in the transaction of the change they record,
 * which locks nothing shared; {@link #sequence} then appends them to the chain ({@code audit_entry}) in batches: the
 * single row of {@code audit_chain_head} is locked (SELECT … FOR UPDATE) while the next sequence numbers and MACs
 * are taken, so sequencers on several nodes queue up behind each other and the chain never forks. A queued entry is
 * chained within a second ({@link AuditSequencer}), and before the trail is read or checked. The application only
 * ever inserts into the chain; there is no update or delete of chained entries anywhere.
 * <p>
 * Entries are MACed with the audit key ({@link ChainMac}). A chain whose head still has a plain SHA-256 hash (written
 * before issue 16) is continued by a marker entry, {@value #KEYED_MARKER}, the first keyed one, linking to that hash.
 */
@Component
public class AuditStore {

    private static final int MAX_TEXT = 1000;
    /** entries chained per transaction; the head stays locked that long */
    static final int BATCH = 500;
    static final String KEYED_MARKER = "AUDIT CHAIN KEYED";

    public record Draft(String actor, String action, String objectType, String objectId, String remoteAddress, String details) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final ChainMac mac;
    private final AnchorFile anchors;
    /** the head was seen keyed (or empty): an empty queue then needs no look at the head */
    private volatile boolean keyedHead;

    AuditStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, ChainMac mac, AnchorFile anchors) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.mac = mac;
        this.anchors = anchors;
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
        if (keyedHead && jdbc.queryForList("SELECT id FROM audit_queue ORDER BY id LIMIT 1", Long.class).isEmpty()) {
            return 0;
        }
        Integer chained = ownTransaction.execute(status -> {
            var head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
            // read after the lock: what another node's sequencer chained meanwhile is gone from the queue
            List<Object[]> queued = jdbc.query("SELECT id, occurred_at, actor, action, object_type, object_id, remote_address,"
                    + " details FROM audit_queue ORDER BY id LIMIT ?", (row, i) -> new Object[] {row.getLong(1),
                            row.getObject(2, LocalDateTime.class), row.getString(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getString(7), row.getString(8)}, max);
            long seq = ((Number) head.get("last_seq")).longValue();
            String previous = (String) head.get("last_hash");
            boolean startKeyed = seq > 0 && !ChainMac.isKeyed(previous);
            if (queued.isEmpty() && !startKeyed) {
                return 0;
            }
            List<Object[]> rows = new ArrayList<>();
            if (startKeyed) {
                LocalDateTime now = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
                AuditEntry marker = chain(seq + 1, now, "system", KEYED_MARKER, "audit-chain", null, null,
                        "from here on entries carry HMAC-SHA256 under the audit key (primary key "
                                + Integer.toUnsignedString(mac.primaryKeyId()) + "); entries 1 to " + seq
                                + " keep their SHA-256 hashes", previous, rows);
                seq = marker.seq();
                previous = marker.hash();
            }
            for (Object[] q : queued) {
                AuditEntry entry = chain(seq + 1, (LocalDateTime) q[1], (String) q[2], (String) q[3], (String) q[4],
                        (String) q[5], (String) q[6], (String) q[7], previous, rows);
                seq = entry.seq();
                previous = entry.hash();
            }
            jdbc.batchUpdate("INSERT INTO audit_entry (seq, occurred_at, actor, action, object_type, object_id, remote_address,"
                    + " details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            jdbc.batchUpdate("DELETE FROM audit_queue WHERE id = ?", queued.stream().map(q -> new Object[] {q[0]}).toList());
            jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, previous);
            return queued.size();
        });
        keyedHead = true;
        return chained == null ? 0 : chained;
    }

    private AuditEntry chain(long seq, LocalDateTime occurredAt, String actor, String action, String objectType,
            String objectId, String remoteAddress, String details, String previous, List<Object[]> rows) {
        AuditEntry entry = new AuditEntry(seq, occurredAt.toInstant(ZoneOffset.UTC), actor, action, objectType, objectId,
                remoteAddress, details, previous, null).withMac(mac);
        rows.add(new Object[] {entry.seq(), occurredAt, entry.actor(), entry.action(), entry.objectType(), entry.objectId(),
                entry.remoteAddress(), entry.details(), entry.prevHash(), entry.hash()});
        return entry;
    }

    /** Chains what is queued, then {@link #check}s. */
    public ChainCheck.Result verify() {
        sequenceQueued();
        return check();
    }

    /** Walks the chain as it is (in the current transaction, if any) against this node's anchors. */
    public ChainCheck.Result check() {
        return jdbc.execute((java.sql.Connection connection) -> ChainCheck.walk(connection, mac, anchors.read()));
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
