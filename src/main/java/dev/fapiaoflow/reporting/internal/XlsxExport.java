package dev.fapiaoflow.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.fapiaoflow.reporting.ReportSection;
import dev.fapiaoflow.reporting.ReportTable;
import dev.fapiaoflow.shared.ExcelSafe;

/**
 * The report as a workbook (POI): one sheet per section, its tables one under the other, each with a bold title and
 * header row. Numbers are numeric cells (money with two places); text is a string cell, never a formula, and text that
 * looks like one is quote-prefixed so Excel keeps it text even when the cell is edited.
 */
final class XlsxExport {

    private static final int COLUMN_WIDTH = 18 * 256;

    private XlsxExport() {
    }

    static void write(Report report, Labels labels, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Set<String> sheetNames = new HashSet<>();
            for (ReportSection section : report.sections()) {
                String name = WorkbookUtil.createSafeSheetName(labels.of(section.title()));
                Sheet sheet = workbook.createSheet(sheetNames.add(name.toLowerCase()) ? name : section.id());
                int rowIndex = 0;
                text(sheet.createRow(rowIndex++), 0, labels.of("reports.range") + " " + report.range().from() + " – "
                        + report.range().to(), styles.bold);
                int widest = 1;
                for (ReportTable table : section.tables()) {
                    rowIndex++;
                    text(sheet.createRow(rowIndex++), 0, labels.of(table.title()), styles.bold);
                    Row header = sheet.createRow(rowIndex++);
                    for (int i = 0; i < table.columns().size(); i++) {
                        text(header, i, labels.of(table.columns().get(i).label()), styles.bold);
                    }
                    for (List<Object> cells : table.rows()) {
                        Row row = sheet.createRow(rowIndex++);
                        for (int i = 0; i < cells.size(); i++) {
                            ReportTable.ColumnType type = table.columns().get(i).type();
                            Object value = cells.get(i);
                            if (value instanceof Number number) {
                                Cell cell = row.createCell(i);
                                cell.setCellValue(type == ReportTable.ColumnType.COUNT ? number.longValue()
                                        : Cells.decimal(number).doubleValue());
                                cell.setCellStyle(type == ReportTable.ColumnType.COUNT ? styles.count : styles.money);
                            } else if (value != null) {
                                text(row, i, Cells.text(value, type, labels), styles);
                            }
                        }
                    }
                    widest = Math.max(widest, table.columns().size());
                }
                for (int i = 0; i < widest; i++) {
                    sheet.setColumnWidth(i, COLUMN_WIDTH);
                }
            }
            workbook.write(out);
        }
    }

    private static void text(Row row, int column, String value, Styles styles) {
        text(row, column, value, ExcelSafe.risky(value) ? styles.quoted : null);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static final class Styles {
        final CellStyle bold;
        final CellStyle money;
        final CellStyle count;
        final CellStyle quoted;

        Styles(XSSFWorkbook workbook) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            bold.setQuotePrefixed(true);
            money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            count = workbook.createCellStyle();
            count.setDataFormat(workbook.createDataFormat().getFormat("0"));
            quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
        }
    }
}
