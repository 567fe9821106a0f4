package dev.fapiaoflow.audit.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.audit.AuditEntry;

/** Reads the audit trail newest first, filtered, after chaining what is queued (so a reader sees its own changes). */
@Component
class AuditQueries {

    record Filter(String actor, String action, String objectType, String objectId, Instant from, Instant to) {
    }

    private final JdbcTemplate jdbc;
    private final AuditStore store;

    AuditQueries(JdbcTemplate jdbc, AuditStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    List<AuditEntry> find(Filter filter, int page, int size) {
        store.sequenceQueued();
        StringBuilder sql = new StringBuilder("SELECT seq, occurred_at, actor, action, object_type, object_id, remote_address,"
                + " details, prev_hash, hash FROM audit_entry WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.actor() != null) {
            sql.append(" AND actor = ?");
            args.add(filter.actor());
        }
        if (filter.action() != null) {
            // a prefix: "TASK" finds every task entry, "POST /api/disputes" every dispute change
            sql.append(" AND action LIKE ? ESCAPE '!'");
            args.add(filter.action().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (filter.objectType() != null) {
            sql.append(" AND object_type = ?");
            args.add(filter.objectType());
        }
        if (filter.objectId() != null) {
            sql.append(" AND object_id = ?");
            args.add(filter.objectId());
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(LocalDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(LocalDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY seq DESC LIMIT ? OFFSET ?");
        args.add(size);
        args.add((long) page * size);
        return jdbc.query(sql.toString(), (rows, i) -> dev.fapiaoflow.audit.ChainCheck.readRow(rows), args.toArray());
    }
}
