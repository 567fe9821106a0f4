package dev.fapiaoflow.request;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.issuance.IssuedRequests;
import dev.fapiaoflow.reporting.Percentiles;
import dev.fapiaoflow.reporting.ReportChart;
import dev.fapiaoflow.reporting.ReportContributor;
import dev.fapiaoflow.reporting.ReportRange;
import dev.fapiaoflow.reporting.ReportSection;
import dev.fapiaoflow.reporting.ReportTable;
import dev.fapiaoflow.reporting.ReportTable.ColumnType;

/**
 * Time from a customer's request to its first invoice (median and p90, in hours), per Shanghai month of issue and per
 * invoice type: special requests wait for a person, normal ones should not wait at all.
 */
@Component
@Order(20)
class RequestTimesReport implements ReportContributor {

    private static final int IDS_PER_QUERY = 500;

    private final IssuedRequests issued;
    private final JdbcTemplate jdbc;

    RequestTimesReport(IssuedRequests issued, JdbcTemplate jdbc) {
        this.issued = issued;
        this.jdbc = jdbc;
    }

    private record Requested(Instant at, String type) {
    }

    @Override
    public ReportSection contribute(ReportRange range) {
        Map<Long, Instant> issuedAt = issued.firstIssuedBetween(range.start(), range.end());
        Map<Long, Requested> requested = requested(new ArrayList<>(issuedAt.keySet()));
        Map<String, List<Duration>> byMonth = new LinkedHashMap<>();
        Map<String, List<Duration>> byType = new LinkedHashMap<>();
        range.months().forEach(month -> byMonth.put(month, new ArrayList<>()));
        List<Duration> all = new ArrayList<>();
        issuedAt.forEach((requestId, at) -> {
            Requested request = requested.get(requestId);
            if (request == null) {
                return;
            }
            Duration waited = Duration.between(request.at(), at);
            byMonth.computeIfAbsent(ReportRange.monthOf(at), month -> new ArrayList<>()).add(waited);
            byType.computeIfAbsent(request.type(), type -> new ArrayList<>()).add(waited);
            all.add(waited);
        });

        ReportTable.Builder monthly = table("reports.requests.byMonth", "reports.month");
        ReportChart.Builder chart = ReportChart.named("request-to-issued", "reports.requests.chart", ReportChart.Style.LINES,
                "reports.hours");
        byMonth.forEach((month, durations) -> {
            Percentiles stats = Percentiles.of(durations);
            monthly.row(month, (long) stats.count(), Percentiles.hours(stats.median()), Percentiles.hours(stats.p90()));
            chart.point("reports.median", month, hoursOrZero(stats.median())).point("reports.p90", month, hoursOrZero(stats.p90()));
        });
        ReportTable.Builder types = table("reports.requests.byType", "reports.invoiceType");
        for (String type : List.of("NORMAL", "SPECIAL")) {
            Percentiles stats = Percentiles.of(byType.getOrDefault(type, List.of()));
            types.row("reports.type." + type, (long) stats.count(), Percentiles.hours(stats.median()), Percentiles.hours(stats.p90()));
        }
        Percentiles overall = Percentiles.of(all);
        types.row("reports.all", (long) overall.count(), Percentiles.hours(overall.median()), Percentiles.hours(overall.p90()));
        return new ReportSection("requests", "reports.requests.title", List.of(types.build(), monthly.build()),
                List.of(chart.build()));
    }

    private static ReportTable.Builder table(String title, String firstColumn) {
        return ReportTable.titled(title).column(firstColumn, ColumnType.TEXT).column("reports.requests.issued", ColumnType.COUNT)
                .column("reports.medianHours", ColumnType.DECIMAL).column("reports.p90Hours", ColumnType.DECIMAL);
    }

    private Map<Long, Requested> requested(List<Long> ids) {
        Map<Long, Requested> requested = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT id, created_at, invoice_type FROM invoice_request WHERE id IN (" + marks + ")",
                    row -> {
                        requested.put(row.getLong("id"), new Requested(
                                row.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                                row.getString("invoice_type")));
                    }, chunk.toArray());
        }
        return requested;
    }

    private static BigDecimal hoursOrZero(Duration duration) {
        return duration == null ? BigDecimal.ZERO : Percentiles.hours(duration);
    }
}
