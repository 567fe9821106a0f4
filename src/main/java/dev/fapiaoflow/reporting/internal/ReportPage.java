package dev.fapiaoflow.reporting.internal;

import java.util.List;

import dev.fapiaoflow.reporting.ReportTable;

/** The report as the page shows it: labels translated, cells formatted, charts drawn (public: FreeMarker sees only public types). */
public record ReportPage(List<Section> sections) {

    public record Section(String id, String title, List<Table> tables, List<Chart> charts) {
    }

    public record Table(String title, List<String> headers, List<Boolean> numeric, List<List<String>> rows) {
    }

    public record Chart(String name, String title, String svg) {
    }

    static ReportPage of(Report report, Labels labels) {
        return new ReportPage(report.sections().stream().map(section -> new Section(section.id(), labels.of(section.title()),
                section.tables().stream().map(table -> table(table, labels)).toList(),
                section.charts().stream().map(chart -> new Chart(chart.name(), labels.of(chart.title()),
                        ChartRenderer.svg(chart, labels))).toList())).toList());
    }

    private static Table table(ReportTable table, Labels labels) {
        List<ReportTable.Column> columns = table.columns();
        return new Table(labels.of(table.title()), columns.stream().map(column -> labels.of(column.label())).toList(),
                columns.stream().map(column -> column.type() != ReportTable.ColumnType.TEXT).toList(),
                table.rows().stream().map(row -> {
                    List<String> cells = new java.util.ArrayList<>();
                    for (int i = 0; i < row.size(); i++) {
                        cells.add(Cells.pageText(row.get(i), columns.get(i).type(), labels));
                    }
                    return cells;
                }).toList());
    }
}
