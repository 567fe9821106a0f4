package dev.fapiaoflow.accounting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import dev.fapiaoflow.accounting.DailyVouchers;
import dev.fapiaoflow.accounting.Voucher;
import dev.fapiaoflow.shared.ExcelSafe;

/**
 * The voucher layout of README "Accounting voucher feed": one row per voucher line, the voucher's date, number,
 * summary, invoice number and event repeated on each of its lines, so any finance package can import it row by row.
 */
final class VoucherExport {

    static final List<String> COLUMNS = List.of("凭证日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额",
            "发票号码", "业务类型");

    private VoucherExport() {
    }

    static byte[] csv(DailyVouchers day) {
        StringBuilder out = new StringBuilder("\uFEFF"); // BOM: Excel opens UTF-8 CSV as such only with it
        out.append(String.join(",", COLUMNS)).append("\r\n");
        for (Voucher voucher : day.vouchers()) {
            for (Voucher.Line line : voucher.lines()) {
                out.append(String.join(",", List.of(voucher.date().toString(), quoted(voucher.number()),
                        quoted(voucher.summary()), quoted(line.accountCode()), quoted(line.accountName()),
                        line.debit().toPlainString(), line.credit().toPlainString(), quoted(voucher.invoiceNumber()),
                        voucher.event()))).append("\r\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return "\"" + ExcelSafe.cell(text).replace("\"", "\"\"") + "\"";
    }

    static void xlsx(DailyVouchers day, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            CellStyle quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            Sheet sheet = workbook.createSheet("记账凭证 " + day.date());
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
                sheet.setColumnWidth(i, 20 * 256);
            }
            int rowIndex = 1;
            for (Voucher voucher : day.vouchers()) {
                for (Voucher.Line line : voucher.lines()) {
                    Row row = sheet.createRow(rowIndex++);
                    text(row, 0, voucher.date().toString(), quoted);
                    text(row, 1, voucher.number(), quoted);
                    text(row, 2, voucher.summary(), quoted);
                    text(row, 3, line.accountCode(), quoted);
                    text(row, 4, line.accountName(), quoted);
                    amount(row, 5, line.debit(), money);
                    amount(row, 6, line.credit(), money);
                    text(row, 7, voucher.invoiceNumber(), quoted);
                    text(row, 8, voucher.event(), quoted);
                }
            }
            workbook.write(out);
        }
    }

    private static void text(Row row, int column, String value, CellStyle quoted) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (ExcelSafe.risky(value)) {
            cell.setCellStyle(quoted);
        }
    }

    private static void amount(Row row, int column, BigDecimal value, CellStyle money) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(money);
    }
}
