package dev.fapiaoflow.verification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.security.FieldCipher;
import dev.fapiaoflow.verification.ForeignInvoiceStatus;
import dev.fapiaoflow.verification.IncomingInvoice;

/**
 * The tables {@code incoming_invoice} (one row per received invoice, unique by its key, across nodes) and
 * {@code incoming_invoice_event} (its status history). The check code of an old ordinary invoice is sealed with the
 * field keyset.
 */
@Component
public class IncomingInvoiceStore {

    private static final String COLUMNS = "id, kind, invoice_code, invoice_number, issue_date, seller_name, seller_tax_id, total_amount, "
            + "status, status_checked_at, registered_by, registered_at, submissions, file_format, file_sha256, review_pending, "
            + "review_decision, reviewed_by, reviewed_at";
    /** statuses that can still change at the authority: a voided or wholly red-flushed invoice stays so */
    static final String OPEN_STATUSES = "'NORMAL', 'PARTIALLY_RED_FLUSHED', 'OUT_OF_CONTROL', 'ABNORMAL'";

    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;

    IncomingInvoiceStore(JdbcTemplate jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public record NewEntry(String invoiceKey, String kind, String code, String number, LocalDate issueDate, String sellerName,
            String sellerTaxId, String totalAmount, String amountExcludingTax, String checkCode, ForeignInvoiceStatus status,
            Instant checkedAt, String userId, Instant at, String fileFormat, String fileSha256, byte[] file) {
    }

    /** What a re-check asks the provider again, with the status the ledger holds. */
    public record RecheckFacts(long id, String kind, String code, String number, LocalDate issueDate, String totalAmount,
            String amountExcludingTax, String checkCode, ForeignInvoiceStatus status) {
    }

    /** One line of an entry's status history: {@code event} REGISTERED, RECHECKED or REVIEWED. */
    public record Event(Instant at, String event, ForeignInvoiceStatus status, ForeignInvoiceStatus previousStatus, String decision,
            String note, String actor) {
    }

    /** Inserts the entry; false (and one more submission counted) when the invoice is in the ledger already. */
    public boolean insertOrCountSubmission(NewEntry entry) {
        try {
            jdbc.update("INSERT INTO incoming_invoice (invoice_key, kind, invoice_code, invoice_number, issue_date, seller_name, "
                    + "seller_tax_id, total_amount, amount_excluding_tax, check_code_sealed, status, status_checked_at, registered_by, "
                    + "registered_at, submissions, last_submitted_by, file_format, file_sha256, file_content) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                    entry.invoiceKey(), entry.kind(), entry.code(), entry.number(), entry.issueDate(), entry.sellerName(),
                    entry.sellerTaxId(), entry.totalAmount(), entry.amountExcludingTax(),
                    entry.checkCode() == null ? null : cipher.encrypt(entry.checkCode()), entry.status().name(),
                    Timestamp.from(entry.checkedAt()), entry.userId(), Timestamp.from(entry.at()), entry.userId(), entry.fileFormat(),
                    entry.fileSha256(), entry.file());
            Long id = jdbc.queryForObject("SELECT id FROM incoming_invoice WHERE invoice_key = ?", Long.class, entry.invoiceKey());
            addEvent(id, entry.at(), "REGISTERED", entry.status(), null, null, null, entry.userId());
            return true;
        } catch (DuplicateKeyException e) {
            jdbc.update("UPDATE incoming_invoice SET submissions = submissions + 1, last_submitted_by = ? WHERE invoice_key = ?",
                    entry.userId(), entry.invoiceKey());
            return false;
        }
    }

    public Optional<IncomingInvoice> find(String invoiceKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM incoming_invoice WHERE invoice_key = ?", this::map, invoiceKey).stream().findFirst();
    }

    /** Newest first; {@code query} a part of the number, code, seller name or tax ID; either filter may be null. */
    public List<IncomingInvoice> search(String query, ForeignInvoiceStatus status, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM incoming_invoice WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query != null) {
            String like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (invoice_number LIKE ? OR invoice_code LIKE ? OR seller_name LIKE ? OR seller_tax_id LIKE ?)");
            args.addAll(List.of(like, like, like, like));
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        sql.append(" ORDER BY registered_at DESC, id DESC LIMIT ").append(limit).append(" OFFSET ").append(offset);
        return jdbc.query(sql.toString(), this::map, args.toArray());
    }

    public List<IncomingInvoice> newestFirst(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM incoming_invoice ORDER BY registered_at DESC, id DESC", this::map).stream()
                .limit(limit).toList();
    }

    public record File(String format, byte[] content) {
    }

    public Optional<File> file(long id) {
        return jdbc.query("SELECT file_format, file_content FROM incoming_invoice WHERE id = ? AND file_content IS NOT NULL",
                (rs, row) -> new File(rs.getString(1), rs.getBytes(2)), id).stream().findFirst();
    }

    public Optional<IncomingInvoice> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM incoming_invoice WHERE id = ?", this::map, id).stream().findFirst();
    }

    /**
     * Entries whose status may have changed since: not final, no review waiting, last checked before {@code checkedBefore}
     * and issued within the years the national platform checks; the longest unchecked first.
     */
    public List<Long> dueForRecheck(Instant checkedBefore, LocalDate issuedFrom, int limit) {
        return jdbc.query("SELECT id FROM incoming_invoice WHERE review_pending = FALSE AND status IN (" + OPEN_STATUSES + ") "
                + "AND status_checked_at < ? AND issue_date >= ? ORDER BY status_checked_at, id", (rs, row) -> rs.getLong(1),
                Timestamp.from(checkedBefore), issuedFrom).stream().limit(limit).toList();
    }

    public Optional<RecheckFacts> recheckFacts(long id) {
        return jdbc.query("SELECT id, kind, invoice_code, invoice_number, issue_date, total_amount, amount_excluding_tax, check_code_sealed, "
                + "status FROM incoming_invoice WHERE id = ?", (rs, row) -> new RecheckFacts(rs.getLong("id"), rs.getString("kind"),
                        rs.getString("invoice_code"), rs.getString("invoice_number"), rs.getDate("issue_date").toLocalDate(),
                        rs.getString("total_amount"), rs.getString("amount_excluding_tax"),
                        rs.getString("check_code_sealed") == null ? null : cipher.decrypt(rs.getString("check_code_sealed")),
                        ForeignInvoiceStatus.valueOf(rs.getString("status"))), id).stream().findFirst();
    }

    /** The status of a re-check; a changed one waits for finance's review (and is not re-checked meanwhile). */
    public void recordRecheck(long id, ForeignInvoiceStatus previous, ForeignInvoiceStatus current, Instant checkedAt) {
        boolean changed = previous != current;
        jdbc.update("UPDATE incoming_invoice SET status = ?, status_checked_at = ?, review_pending = (review_pending OR ?) WHERE id = ?",
                current.name(), Timestamp.from(checkedAt), changed, id);
        addEvent(id, checkedAt, "RECHECKED", current, changed ? previous : null, null, null, null);
    }

    public void recordReview(long id, String decision, String note, String reviewer, Instant at) {
        jdbc.update("UPDATE incoming_invoice SET review_pending = FALSE, review_decision = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
                decision, reviewer, Timestamp.from(at), id);
        addEvent(id, at, "REVIEWED", null, null, decision, note, reviewer);
    }

    public List<Event> history(long id) {
        return jdbc.query("SELECT occurred_at, event, status, previous_status, decision, note, actor FROM incoming_invoice_event "
                + "WHERE invoice_id = ? ORDER BY occurred_at, id", (rs, row) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        status(rs.getString(3)), status(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)), id);
    }

    private void addEvent(long id, Instant at, String event, ForeignInvoiceStatus status, ForeignInvoiceStatus previous, String decision,
            String note, String actor) {
        jdbc.update("INSERT INTO incoming_invoice_event (invoice_id, occurred_at, event, status, previous_status, decision, note, actor) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, Timestamp.from(at), event, status == null ? null : status.name(),
                previous == null ? null : previous.name(), decision, note, actor);
    }

    /** entries in the ledger with one status now, and how many of them wait for finance's review */
    public record StatusCount(long entries, long reviewPending) {
    }

    public Map<ForeignInvoiceStatus, StatusCount> countsByStatus() {
        Map<ForeignInvoiceStatus, StatusCount> counts = new EnumMap<>(ForeignInvoiceStatus.class);
        jdbc.query("SELECT status, COUNT(*), SUM(CASE WHEN review_pending THEN 1 ELSE 0 END) FROM incoming_invoice GROUP BY status",
                rs -> {
                    counts.put(ForeignInvoiceStatus.valueOf(rs.getString(1)), new StatusCount(rs.getLong(2), rs.getLong(3)));
                });
        return counts;
    }

    /** entries registered in [from, to), by their status now */
    public Map<ForeignInvoiceStatus, Long> registeredByStatus(Instant from, Instant to) {
        return countBy("SELECT status, COUNT(*) FROM incoming_invoice WHERE registered_at >= ? AND registered_at < ? GROUP BY status",
                from, to);
    }

    /** status changes the re-check found in [from, to), by the status changed to */
    public Map<ForeignInvoiceStatus, Long> changedToStatus(Instant from, Instant to) {
        return countBy("SELECT status, COUNT(*) FROM incoming_invoice_event WHERE event = 'RECHECKED' AND previous_status IS NOT NULL "
                + "AND occurred_at >= ? AND occurred_at < ? GROUP BY status", from, to);
    }

    private Map<ForeignInvoiceStatus, Long> countBy(String sql, Instant from, Instant to) {
        Map<ForeignInvoiceStatus, Long> counts = new EnumMap<>(ForeignInvoiceStatus.class);
        jdbc.query(sql, rs -> {
            counts.put(ForeignInvoiceStatus.valueOf(rs.getString(1)), rs.getLong(2));
        }, Timestamp.from(from), Timestamp.from(to));
        return counts;
    }

    private static ForeignInvoiceStatus status(String name) {
        return name == null ? null : ForeignInvoiceStatus.valueOf(name);
    }

    private IncomingInvoice map(ResultSet rs, int row) throws SQLException {
        return new IncomingInvoice(rs.getLong("id"), rs.getString("kind"), rs.getString("invoice_code"), rs.getString("invoice_number"),
                rs.getDate("issue_date").toLocalDate().toString(), rs.getString("seller_name"), rs.getString("seller_tax_id"),
                rs.getString("total_amount"), ForeignInvoiceStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("status_checked_at").toInstant(), rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant(),
                rs.getInt("submissions"), rs.getString("file_format"), rs.getString("file_sha256"), rs.getBoolean("review_pending"),
                rs.getString("review_decision"), rs.getString("reviewed_by"),
                rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant());
    }
}
