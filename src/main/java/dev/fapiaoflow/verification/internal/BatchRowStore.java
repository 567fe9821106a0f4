package dev.fapiaoflow.verification.internal;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows of a batch, through plain JDBC: they are written and read in slices of thousands, where batched
 * statements and keyset paging matter more than entities. Rows are keyed by (batch, line).
 */
@Component
public class BatchRowStore {

    private static final int SLICE = 1000;

    private final JdbcTemplate jdbc;

    BatchRowStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored row and, once checked, its result. */
    public record StoredRow(UploadedRow input, BatchRowResult result) {
    }

    public void insert(long batchId, List<UploadedRow> rows) {
        for (int from = 0; from < rows.size(); from += SLICE) {
            List<UploadedRow> slice = rows.subList(from, Math.min(rows.size(), from + SLICE));
            jdbc.batchUpdate("INSERT INTO verification_batch_row (batch_id, line_no, invoice_number, issue_date, total_amount) "
                    + "VALUES (?, ?, ?, ?, ?)", slice, slice.size(), (ps, row) -> {
                        ps.setLong(1, batchId);
                        ps.setInt(2, row.line());
                        ps.setString(3, row.number());
                        ps.setString(4, row.issueDate());
                        ps.setString(5, row.totalAmount());
                    });
        }
    }

    /** The next rows still to check, in file order: a crashed chunk is simply taken again. */
    public List<UploadedRow> unchecked(long batchId, int limit) {
        return jdbc.query("SELECT line_no, invoice_number, issue_date, total_amount FROM verification_batch_row "
                + "WHERE batch_id = ? AND result IS NULL ORDER BY line_no LIMIT ?",
                (rs, i) -> new UploadedRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)), batchId, limit);
    }

    public void saveResults(long batchId, List<BatchRowResult> results) {
        jdbc.batchUpdate("UPDATE verification_batch_row SET result = ?, status = ?, message = ? WHERE batch_id = ? AND line_no = ?",
                results, results.size(), (ps, r) -> {
                    ps.setString(1, r.result());
                    ps.setString(2, r.status());
                    ps.setString(3, r.message());
                    ps.setLong(4, batchId);
                    ps.setInt(5, r.line());
                });
    }

    /** Every row in file order, a slice at a time, so a 100,000-row result streams without being held. */
    public void forEach(long batchId, Consumer<StoredRow> consumer) {
        int after = Integer.MIN_VALUE;
        while (true) {
            List<StoredRow> slice = jdbc.query("SELECT line_no, invoice_number, issue_date, total_amount, result, status, message "
                    + "FROM verification_batch_row WHERE batch_id = ? AND line_no > ? ORDER BY line_no LIMIT ?",
                    (rs, i) -> new StoredRow(new UploadedRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            rs.getString(5) == null ? null : new BatchRowResult(rs.getInt(1), rs.getString(5), rs.getString(6),
                                    rs.getString(7))),
                    batchId, after, SLICE);
            slice.forEach(consumer);
            if (slice.size() < SLICE) {
                return;
            }
            after = slice.get(slice.size() - 1).input().line();
        }
    }
}
