package dev.fapiaoflow.verification;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.reporting.ReportChart;
import dev.fapiaoflow.reporting.ReportContributor;
import dev.fapiaoflow.reporting.ReportRange;
import dev.fapiaoflow.reporting.ReportSection;
import dev.fapiaoflow.reporting.ReportTable;
import dev.fapiaoflow.reporting.ReportTable.ColumnType;

/** Anomaly flags raised in the range, by kind, and how many of them nobody has acknowledged yet. */
@Component
@Order(45)
class AnomalyFlagReport implements ReportContributor {

    private final AnomalyFlags flags;

    AnomalyFlagReport(AnomalyFlags flags) {
        this.flags = flags;
    }

    @Override
    public ReportSection contribute(ReportRange range) {
        ReportTable.Builder table = ReportTable.titled("reports.anomalies.byKind")
                .column("anomaly.kind", ColumnType.TEXT)
                .column("reports.anomalies.raised", ColumnType.COUNT)
                .column("reports.anomalies.open", ColumnType.COUNT);
        ReportChart.Builder chart = ReportChart.named("anomaly-flags", "reports.anomalies.chart",
                ReportChart.Style.BARS, "reports.anomalies.raised");
        long raised = 0;
        long open = 0;
        for (AnomalyCount count : flags.countsByKind(range.from(), range.to())) {
            String kind = "anomaly.kind." + count.kind();
            table.row(kind, count.raised(), count.open());
            chart.point("reports.anomalies.raised", kind, count.raised());
            chart.point("reports.anomalies.open", kind, count.open());
            raised += count.raised();
            open += count.open();
        }
        table.row("reports.all", raised, open);
        return new ReportSection("anomalies", "reports.anomalies.title", List.of(table.build()), List.of(chart.build()));
    }
}
