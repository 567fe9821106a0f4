package dev.fapiaoflow.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the audit chain in order over plain JDBC (used by the admin endpoint and by {@link AuditChainCommand}) and
 * names the first entry that was changed or removed. Keyed entries must carry their MAC under the audit key; entries
 * from before the keyed format their SHA-256, and only before the first keyed entry, so a database writer cannot
 * turn the tail back into plain hashes. Each anchor (signed outside the database) must still find its entry with
 * the MAC it recorded: that exposes a tail rewritten or cut even by someone holding the audit key.
 */
public final class ChainCheck {

    private static final int PAGE = 1000;

    private ChainCheck() {
    }

    /**
     * @param entriesChecked  entries read
     * @param brokenSeq       the first entry changed or removed, null when intact (or when only the anchor file is)
     * @param problem         what is wrong, null when intact
     * @param anchorsChecked  valid anchors the chain was compared with
     * @param lastAnchoredSeq the newest entry an anchor vouches for, null without anchors
     */
    public record Result(boolean intact, long entriesChecked, Long brokenSeq, String problem, int anchorsChecked,
            Long lastAnchoredSeq) {

        Result withAnchors(AnchorLog anchors) {
            Long last = anchors.anchors().stream().map(AuditAnchor::seq).max(Long::compare).orElse(null);
            return new Result(intact, entriesChecked, brokenSeq, problem, anchors.anchors().size(), last);
        }
    }

    private static Result intact(long checked) {
        return new Result(true, checked, null, null, 0, null);
    }

    private static Result broken(long checked, Long seq, String problem) {
        return new Result(false, checked, seq, problem, 0, null);
    }

    public static Result walk(Connection connection, ChainMac mac, AnchorLog anchors) throws SQLException {
        Result chain = walkChain(connection, mac, anchors);
        if (chain.intact() && anchors.refused() != null) {
            chain = broken(chain.entriesChecked(), null, anchors.refused());
        }
        return chain.withAnchors(anchors);
    }

    private static Result walkChain(Connection connection, ChainMac mac, AnchorLog anchorLog) throws SQLException {
        Map<Long, List<AuditAnchor>> anchors = new HashMap<>();
        for (AuditAnchor anchor : anchorLog.anchors()) {
            anchors.computeIfAbsent(anchor.seq(), seq -> new java.util.ArrayList<>()).add(anchor);
        }
        long expectedSeq = 1;
        String previousHash = AuditEntry.GENESIS;
        long checked = 0;
        boolean keyed = false;
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
                            return broken(checked, expectedSeq, "entry " + expectedSeq + " was removed");
                        }
                        if (keyed && !ChainMac.isKeyed(entry.hash())) {
                            return broken(checked, entry.seq(), "entry " + entry.seq() + " was changed: it has a plain hash"
                                    + " after keyed entries (rewritten without the audit key)");
                        }
                        if (!entry.hashMatches(mac)) {
                            return broken(checked, entry.seq(), "entry " + entry.seq() + " was changed");
                        }
                        if (!entry.prevHash().equals(previousHash)) {
                            // this entry is as written, so the one before was rewritten together with its hash
                            return broken(checked, expectedSeq - 1, "entry " + (expectedSeq - 1)
                                    + " was changed: entry " + expectedSeq + " links to a different hash");
                        }
                        for (AuditAnchor anchor : anchors.getOrDefault(entry.seq(), List.of())) {
                            if (!anchor.headMac().equals(entry.hash())) {
                                return broken(checked, entry.seq(), "entry " + entry.seq() + " was changed: it differs from"
                                        + " the anchor of " + anchor.at() + " (the chain was rewritten up to here)");
                            }
                        }
                        keyed |= ChainMac.isKeyed(entry.hash());
                        previousHash = entry.hash();
                        expectedSeq++;
                    }
                }
                if (read < PAGE) {
                    break;
                }
            }
        }
        long lastSeq = expectedSeq - 1;
        long lastAnchored = anchors.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        if (lastAnchored > lastSeq) {
            return broken(checked, lastSeq + 1, "entries " + (lastSeq + 1) + " to " + lastAnchored + " were removed: an anchor"
                    + " holds entry " + lastAnchored);
        }
        if (checked > 0 && !keyed) {
            return broken(checked, lastSeq, "no entry has a MAC under the audit key: the chain was rewritten without the key");
        }
        try (PreparedStatement head = connection.prepareStatement("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
                ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                return broken(checked, expectedSeq, "the chain head is missing");
            }
            long headSeq = row.getLong(1);
            if (headSeq != lastSeq) {
                return broken(checked, expectedSeq, headSeq > lastSeq
                        ? "entries " + expectedSeq + " to " + headSeq + " were removed"
                        : "entry " + expectedSeq + " onwards are not in the chain head");
            }
            if (!row.getString(2).equals(previousHash)) {
                return broken(checked, lastSeq, "entry " + lastSeq + " was changed: the chain head holds a different hash");
            }
        }
        return intact(checked);
    }

    /** one row of {@code SELECT seq, occurred_at, actor, action, object_type, object_id, remote_address, details, prev_hash, hash} */
    public static AuditEntry readRow(ResultSet rows) throws SQLException {
        LocalDateTime utc = rows.getObject(2, LocalDateTime.class);
        return new AuditEntry(rows.getLong(1), utc.toInstant(ZoneOffset.UTC), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10));
    }
}
