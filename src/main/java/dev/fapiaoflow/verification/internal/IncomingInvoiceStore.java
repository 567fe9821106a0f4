package dev.fapiaoflow.verification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.verification.ForeignInvoiceStatus;
import dev.fapiaoflow.verification.IncomingInvoice;

/** The table {@code incoming_invoice}: one row per received invoice, unique by its key, across nodes. */
@Component
public class IncomingInvoiceStore {

    private static final String COLUMNS = "id, kind, invoice_code, invoice_number, issue_date, seller_name, seller_tax_id, total_amount, "
            + "status, status_checked_at, registered_by, registered_at, submissions, file_format, file_sha256";

    private final JdbcTemplate jdbc;

    IncomingInvoiceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record NewEntry(String invoiceKey, String kind, String code, String number, LocalDate issueDate, String sellerName,
            String sellerTaxId, String totalAmount, ForeignInvoiceStatus status, Instant checkedAt, String userId, Instant at,
            String fileFormat, String fileSha256, byte[] file) {
    }

    /** Inserts the entry; false (and one more submission counted) when the invoice is in the ledger already. */
    public boolean insertOrCountSubmission(NewEntry entry) {
        try {
            jdbc.update("INSERT INTO incoming_invoice (invoice_key, kind, invoice_code, invoice_number, issue_date, seller_name, "
                    + "seller_tax_id, total_amount, status, status_checked_at, registered_by, registered_at, submissions, last_submitted_by, "
                    + "file_format, file_sha256, file_content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                    entry.invoiceKey(), entry.kind(), entry.code(), entry.number(), entry.issueDate(), entry.sellerName(),
                    entry.sellerTaxId(), entry.totalAmount(), entry.status().name(), Timestamp.from(entry.checkedAt()), entry.userId(),
                    Timestamp.from(entry.at()), entry.userId(), entry.fileFormat(), entry.fileSha256(), entry.file());
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

    public List<IncomingInvoice> newestFirst(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM incoming_invoice ORDER BY registered_at DESC, id DESC", this::map).stream()
                .limit(limit).toList();
    }

    private IncomingInvoice map(ResultSet rs, int row) throws SQLException {
        return new IncomingInvoice(rs.getLong("id"), rs.getString("kind"), rs.getString("invoice_code"), rs.getString("invoice_number"),
                rs.getDate("issue_date").toLocalDate().toString(), rs.getString("seller_name"), rs.getString("seller_tax_id"),
                rs.getString("total_amount"), ForeignInvoiceStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("status_checked_at").toInstant(), rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant(),
                rs.getInt("submissions"), rs.getString("file_format"), rs.getString("file_sha256"));
    }
}
