package dev.fapiaoflow.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Walks the audit chain in order over plain JDBC (used by the admin endpoint and by {@link AuditChainCommand}) and
 * names the first entry that was changed or removed.
 */
public final class ChainCheck {

    private static final int PAGE = 1000;

    private ChainCheck() {
    }

    /**
     * @param entriesChecked entries read
     * @param brokenSeq      the first entry changed or removed, null when intact
     * @param problem        what is wrong with it, null when intact
     */
    public record Result(boolean intact, long entriesChecked, Long brokenSeq, String problem) {

        static Result intact(long checked) {
            return new Result(true, checked, null, null);
        }

        static Result broken(long checked, long seq, String problem) {
            return new Result(false, checked, seq, problem);
        }
    }

    public static Result walk(Connection connection) throws SQLException {
        long expectedSeq = 1;
        String previousHash = AuditEntry.GENESIS;
        long checked = 0;
        try (PreparedStatement page = connection.prepareStatement(
                "SELECT seq, occurred_at, actor, action, object_type, object_id, remote_address, details, prev_hash, hash"
                        + " FROM audit_entry WHERE seq >= ? ORDER BY seq")) {
            page.setMaxRows(PAGE);
            while (true) {
                page.setLong(1, expectedSeq);
                int read = 0;
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        AuditEntry entry = readRow(rows);
                        checked++;
                        if (entry.seq() != expectedSeq) {
                            return Result.broken(checked, expectedSeq, "entry " + expectedSeq + " was removed");
                        }
                        if (!entry.computeHash().equals(entry.hash())) {
                            return Result.broken(checked, entry.seq(), "entry " + entry.seq() + " was changed");
                        }
                        if (!entry.prevHash().equals(previousHash)) {
                            // this entry is as written, so the one before was rewritten together with its hash
                            return Result.broken(checked, expectedSeq - 1, "entry " + (expectedSeq - 1)
                                    + " was changed: entry " + expectedSeq + " links to a different hash");
                        }
                        previousHash = entry.hash();
                        expectedSeq++;
                    }
                }
                if (read < PAGE) {
                    break;
                }
            }
        }
        try (PreparedStatement head = connection.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
                ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                return Result.broken(checked, expectedSeq, "the chain head is missing");
            }
            long lastSeq = row.getLong(1);
            if (lastSeq != expectedSeq - 1) {
                return Result.broken(checked, expectedSeq, lastSeq > expectedSeq - 1
                        ? "entries " + expectedSeq + " to " + lastSeq + " were removed"
                        : "entry " + expectedSeq + " onwards are not in the chain head");
            }
            if (!row.getString(2).equals(previousHash)) {
                return Result.broken(checked, expectedSeq - 1, "entry " + (expectedSeq - 1) + " was changed: the chain head holds a different hash");
            }
        }
        return Result.intact(checked);
    }

    /** one row of {@code SELECT seq, occurred_at, actor, action, object_type, object_id, remote_address, details, prev_hash, hash} */
    public static AuditEntry readRow(ResultSet rows) throws SQLException {
        LocalDateTime utc = rows.getObject(2, LocalDateTime.class);
        return new AuditEntry(rows.getLong(1), utc.toInstant(ZoneOffset.UTC), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10));
    }
}
