package dev.fapiaoflow.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.fapiaoflow.reporting.ReportSection;
import dev.fapiaoflow.reporting.ReportTable;
import dev.fapiaoflow.shared.ExcelSafe;

/**
 * The report as one CSV for Excel (UTF-8 with BOM, CRLF): per table a title row ("section / table"), the header row,
 * the data rows and an empty row. Numbers are plain (no grouping); text is {@link ExcelSafe Excel-safe}.
 */
final class CsvExport {

    private CsvExport() {
    }

    static void write(Report report, Labels labels, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
            csv.printRecord(labels.of("reports.range"), report.range().from().toString(), report.range().to().toString());
            csv.println();
            for (ReportSection section : report.sections()) {
                for (ReportTable table : section.tables()) {
                    csv.printRecord(ExcelSafe.cell(labels.of(section.title()) + " / " + labels.of(table.title())));
                    csv.printRecord(table.columns().stream().map(column -> ExcelSafe.cell(labels.of(column.label()))).toList());
                    for (List<Object> row : table.rows()) {
                        List<String> cells = new ArrayList<>();
                        for (int i = 0; i < row.size(); i++) {
                            ReportTable.ColumnType type = table.columns().get(i).type();
                            String text = Cells.text(row.get(i), type, labels);
                            cells.add(row.get(i) instanceof Number ? text : ExcelSafe.cell(text));
                        }
                        csv.printRecord(cells);
                    }
                    csv.println();
                }
            }
        }
    }
}
