package dev.fapiaoflow.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import dev.fapiaoflow.reporting.ReportRange;
import dev.fapiaoflow.reporting.ReportSection;
import dev.fapiaoflow.reporting.ReportTable;
import dev.fapiaoflow.reporting.ReportTable.ColumnType;

class ExportTest {

    private final Report report = new Report(new ReportRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 22)), List.of(
            new ReportSection("issuance", "reports.issuance.title", List.of(ReportTable.titled("reports.issuance.totals")
                    .column("reports.invoiceType", ColumnType.TEXT).column("reports.invoices", ColumnType.COUNT)
                    .column("reports.taxAmount", ColumnType.MONEY)
                    .row("reports.type.NORMAL", 3L, new BigDecimal("1234.5"))
                    .row("=HYPERLINK(\"http://evil\")", 1L, new BigDecimal("-56.78"))
                    .row("reports.all", 4L, null).build()), List.of()),
            new ReportSection("verification", "reports.verification.title", List.of(ReportTable.titled("reports.verification.byMonth")
                    .column("reports.month", ColumnType.TEXT).column("reports.checks", ColumnType.COUNT).row("2026-11", 9L).build()),
                    List.of())));

    @Test
    void xlsxHasOneSheetPerSectionWithNumericCellsAndTextThatNeverRuns() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport.write(report, ChartRendererTest.chinese(), out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet issuance = workbook.getSheet("开票");
            assertThat(workbook.getSheet("查验")).isNotNull();
            assertThat(issuance.getRow(0).getCell(0).getStringCellValue()).contains("2026-01-01", "2026-11-22");
            assertThat(issuance.getRow(2).getCell(0).getStringCellValue()).isEqualTo("期间合计");
            assertThat(issuance.getRow(3).getCell(2).getStringCellValue()).isEqualTo("税额");
            assertThat(issuance.getRow(4).getCell(0).getStringCellValue()).isEqualTo("普通发票");
            assertThat(issuance.getRow(4).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(issuance.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(issuance.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(issuance.getRow(5).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(issuance.getRow(5).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(issuance.getRow(5).getCell(2).getNumericCellValue()).isEqualTo(-56.78);
            assertThat(issuance.getRow(6).getCell(2)).isNull();
        }
    }

    @Test
    void csvParsesAsBlocksPerTableWithExcelSafeText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(report, ChartRendererTest.chinese(), out);
        byte[] bytes = out.toByteArray();
        assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");

        List<CSVRecord> records = CSVFormat.EXCEL.builder().get()
                .parse(new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8))
                .getRecords();
        assertThat(records.get(0).values()).containsExactly("统计期间", "2026-01-01", "2026-11-22");
        assertThat(records.get(2).get(0)).isEqualTo("开票 / 期间合计");
        assertThat(records.get(3).values()).containsExactly("发票类型", "发票张数", "税额");
        assertThat(records.get(4).values()).containsExactly("普通发票", "3", "1234.50");
        assertThat(records.get(5).values()).containsExactly("'=HYPERLINK(\"http://evil\")", "1", "-56.78");
        assertThat(records.get(6).values()).containsExactly("合计", "4", "");
        assertThat(records.get(8).get(0)).isEqualTo("查验 / 每月查验结果");
        assertThat(records.get(10).values()).containsExactly("2026-11", "9");
    }
}
