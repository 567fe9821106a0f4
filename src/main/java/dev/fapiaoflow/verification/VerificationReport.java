package dev.fapiaoflow.verification;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
 * Verification volume and results, single and batch checks alike, by Shanghai day for a short range and by month
 * otherwise. {@code check_day} is already the Shanghai day of the check, so the database groups by day.
 */
@Component
@Order(40)
class VerificationReport implements ReportContributor {

    private final JdbcTemplate jdbc;

    VerificationReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ReportSection contribute(ReportRange range) {
        Map<String, Map<VerificationResult, Long>> byBucket = new LinkedHashMap<>();
        range.buckets().forEach(bucket -> byBucket.put(bucket, new EnumMap<>(VerificationResult.class)));
        jdbc.query("SELECT check_day, result, COUNT(*) AS checks FROM verification_record WHERE check_day BETWEEN ? AND ?"
                + " GROUP BY check_day, result", row -> {
                    String bucket = range.bucketOf(row.getObject("check_day", LocalDate.class));
                    byBucket.computeIfAbsent(bucket, b -> new EnumMap<>(VerificationResult.class))
                            .merge(VerificationResult.valueOf(row.getString("result")), row.getLong("checks"), Long::sum);
                }, range.from(), range.to());

        String period = range.daily() ? "reports.day" : "reports.month";
        ReportTable.Builder table = ReportTable.titled(range.daily() ? "reports.verification.byDay" : "reports.verification.byMonth")
                .column(period, ColumnType.TEXT);
        for (VerificationResult result : VerificationResult.values()) {
            table.column("reports.result." + result, ColumnType.COUNT);
        }
        table.column("reports.checks", ColumnType.COUNT);
        ReportChart.Builder chart = ReportChart.named("verification-results", "reports.verification.chart",
                ReportChart.Style.STACKED_BARS, "reports.checks");
        Map<VerificationResult, Long> totals = new EnumMap<>(VerificationResult.class);
        byBucket.forEach((bucket, counts) -> {
            Object[] row = new Object[VerificationResult.values().length + 2];
            row[0] = bucket;
            long all = 0;
            for (VerificationResult result : VerificationResult.values()) {
                long count = counts.getOrDefault(result, 0L);
                row[result.ordinal() + 1] = count;
                all += count;
                totals.merge(result, count, Long::sum);
                chart.point("reports.result." + result, bucket, count);
            }
            row[row.length - 1] = all;
            table.row(row);
        });
        Object[] total = new Object[VerificationResult.values().length + 2];
        total[0] = "reports.all";
        long all = 0;
        for (VerificationResult result : VerificationResult.values()) {
            total[result.ordinal() + 1] = totals.getOrDefault(result, 0L);
            all += totals.getOrDefault(result, 0L);
        }
        total[total.length - 1] = all;
        table.row(total);
        return new ReportSection("verification", "reports.verification.title", List.of(table.build()), List.of(chart.build()));
    }
}
