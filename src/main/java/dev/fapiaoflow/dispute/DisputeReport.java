package dev.fapiaoflow.dispute;

import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.reporting.ReportChart;
import dev.fapiaoflow.reporting.ReportContributor;
import dev.fapiaoflow.reporting.ReportRange;
import dev.fapiaoflow.reporting.ReportSection;
import dev.fapiaoflow.reporting.ReportTable;
import dev.fapiaoflow.reporting.ReportTable.ColumnType;

/**
 * Disputes raised in the range, by reason, and where they stand now. Counts only: the dispute's texts and corrected
 * buyer stay encrypted and are never read here.
 */
@Component
@Order(50)
class DisputeReport implements ReportContributor {

    private final JdbcTemplate jdbc;

    DisputeReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ReportSection contribute(ReportRange range) {
        Map<DisputeReason, Map<DisputeStatus, Long>> byReason = new EnumMap<>(DisputeReason.class);
        for (DisputeReason reason : DisputeReason.values()) {
            byReason.put(reason, new EnumMap<>(DisputeStatus.class));
        }
        jdbc.query("SELECT reason, status, COUNT(*) AS disputes FROM dispute WHERE created_at >= ? AND created_at < ?"
                + " GROUP BY reason, status", row -> {
                    byReason.get(DisputeReason.valueOf(row.getString("reason")))
                            .merge(DisputeStatus.valueOf(row.getString("status")), row.getLong("disputes"), Long::sum);
                }, Timestamp.from(range.start()), Timestamp.from(range.end()));

        ReportTable.Builder table = ReportTable.titled("reports.disputes.byReason")
                .column("dispute.reason", ColumnType.TEXT)
                .column("reports.disputes.raised", ColumnType.COUNT);
        for (DisputeStatus status : DisputeStatus.values()) {
            table.column("reports.disputes.status." + status, ColumnType.COUNT);
        }
        ReportChart.Builder chart = ReportChart.named("disputes-by-reason", "reports.disputes.chart",
                ReportChart.Style.BARS, "reports.disputes.raised");
        long[] totals = new long[DisputeStatus.values().length + 1];
        byReason.forEach((reason, counts) -> {
            Object[] row = new Object[DisputeStatus.values().length + 2];
            row[0] = "dispute.reason." + reason;
            long raised = counts.values().stream().mapToLong(Long::longValue).sum();
            row[1] = raised;
            totals[0] += raised;
            for (DisputeStatus status : DisputeStatus.values()) {
                long count = counts.getOrDefault(status, 0L);
                row[status.ordinal() + 2] = count;
                totals[status.ordinal() + 1] += count;
            }
            table.row(row);
            chart.point("reports.disputes.raised", "dispute.reason." + reason, raised);
        });
        Object[] total = new Object[totals.length + 1];
        total[0] = "reports.all";
        for (int i = 0; i < totals.length; i++) {
            total[i + 1] = totals[i];
        }
        table.row(total);
        return new ReportSection("disputes", "reports.disputes.title", List.of(table.build()), List.of(chart.build()));
    }
}
