package dev.fapiaoflow.issuance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * Invoices issued per month by type (普通/专用) and kind (蓝字/红字), with their amounts and tax. Months are Shanghai
 * months: {@code issue_date} is the Shanghai day of issue. Red invoices carry negative amounts, so the totals are net
 * of corrections.
 */
@Component
@Order(10)
class IssuanceReport implements ReportContributor {

    private final JdbcTemplate jdbc;

    IssuanceReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Figures(long count, BigDecimal net, BigDecimal tax, BigDecimal total) {
        static final Figures NONE = new Figures(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        Figures plus(Figures other) {
            return new Figures(count + other.count, net.add(other.net), tax.add(other.tax), total.add(other.total));
        }
    }

    private record Key(String month, InvoiceType type, InvoiceKind kind) {
    }

    @Override
    public ReportSection contribute(ReportRange range) {
        Map<Key, Figures> byMonth = new LinkedHashMap<>();
        jdbc.query("SELECT issue_date, type, kind, COUNT(*) AS invoices, SUM(net_amount) AS net, SUM(tax_amount) AS tax,"
                + " SUM(total_amount) AS total FROM invoice WHERE issue_date BETWEEN ? AND ? GROUP BY issue_date, type, kind",
                row -> {
                    Key key = new Key(YearMonth.from(row.getObject("issue_date", LocalDate.class)).toString(),
                            InvoiceType.valueOf(row.getString("type")), InvoiceKind.valueOf(row.getString("kind")));
                    Figures day = new Figures(row.getLong("invoices"), row.getBigDecimal("net"), row.getBigDecimal("tax"),
                            row.getBigDecimal("total"));
                    byMonth.merge(key, day, Figures::plus);
                }, range.from(), range.to());

        ReportTable.Builder monthly = ReportTable.titled("reports.issuance.byMonth")
                .column("reports.month", ColumnType.TEXT).column("reports.invoiceType", ColumnType.TEXT)
                .column("reports.invoiceKind", ColumnType.TEXT).column("reports.invoices", ColumnType.COUNT)
                .column("reports.netAmount", ColumnType.MONEY).column("reports.taxAmount", ColumnType.MONEY)
                .column("reports.totalAmount", ColumnType.MONEY);
        ReportChart.Builder counts = ReportChart.named("issuance-count", "reports.issuance.countChart",
                ReportChart.Style.STACKED_BARS, "reports.invoices");
        ReportChart.Builder amounts = ReportChart.named("issuance-amount", "reports.issuance.amountChart",
                ReportChart.Style.BARS, "reports.yuan");
        Map<String, Figures> totals = new LinkedHashMap<>();
        for (String month : range.months()) {
            Figures ofMonth = Figures.NONE;
            for (InvoiceType type : InvoiceType.values()) {
                for (InvoiceKind kind : InvoiceKind.values()) {
                    Figures figures = byMonth.getOrDefault(new Key(month, type, kind), Figures.NONE);
                    counts.point(series(type, kind), month, figures.count());
                    if (figures.count() > 0) {
                        monthly.row(month, "reports.type." + type, "reports.kind." + kind, figures.count(), figures.net(),
                                figures.tax(), figures.total());
                        totals.merge(type + "/" + kind, figures, Figures::plus);
                    }
                    ofMonth = ofMonth.plus(figures);
                }
            }
            amounts.point("reports.netAmount", month, ofMonth.net()).point("reports.taxAmount", month, ofMonth.tax());
        }

        ReportTable.Builder overall = ReportTable.titled("reports.issuance.totals")
                .column("reports.invoiceType", ColumnType.TEXT).column("reports.invoiceKind", ColumnType.TEXT)
                .column("reports.invoices", ColumnType.COUNT).column("reports.netAmount", ColumnType.MONEY)
                .column("reports.taxAmount", ColumnType.MONEY).column("reports.totalAmount", ColumnType.MONEY);
        Figures all = Figures.NONE;
        for (InvoiceType type : InvoiceType.values()) {
            for (InvoiceKind kind : InvoiceKind.values()) {
                Figures figures = totals.getOrDefault(type + "/" + kind, Figures.NONE);
                overall.row("reports.type." + type, "reports.kind." + kind, figures.count(), figures.net(), figures.tax(),
                        figures.total());
                all = all.plus(figures);
            }
        }
        overall.row("reports.all", "", all.count(), all.net(), all.tax(), all.total());
        return new ReportSection("issuance", "reports.issuance.title", List.of(overall.build(), monthly.build()),
                List.of(counts.build(), amounts.build()));
    }

    private static String series(InvoiceType type, InvoiceKind kind) {
        return "reports.series." + type + "." + kind;
    }
}
