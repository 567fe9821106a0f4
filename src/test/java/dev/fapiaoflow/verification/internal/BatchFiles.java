package dev.fapiaoflow.verification.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Upload files built in the test: CSV text, real XLSX from POI, and an XLSX-shaped zip bomb. */
public final class BatchFiles {

    public static final String HEADER = "number,issueDate,totalAmount";

    private BatchFiles() {
    }

    /** CSV with the header and the given lines, UTF-8. */
    public static byte[] csv(String... lines) {
        return (HEADER + "\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * XLSX with the header and one row per {@code {number, issueDate, totalAmount}}: the number as text, a date
     * that parses as a real Excel date cell (yyyy-mm-dd format), an amount that parses as a number cell (0.00).
     */
    public static byte[] xlsx(List<String[]> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("发票");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            Row header = sheet.createRow(0);
            String[] names = HEADER.split(",");
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                String[] cells = rows.get(r);
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(cells[0]);
                if (cells[1].matches("\\d{4}-\\d{2}-\\d{2}")) {
                    row.createCell(1).setCellValue(LocalDate.parse(cells[1]));
                    row.getCell(1).setCellStyle(date);
                } else {
                    row.createCell(1).setCellValue(cells[1]);
                }
                if (cells[2].matches("\\d+(\\.\\d+)?")) {
                    row.createCell(2).setCellValue(Double.parseDouble(cells[2]));
                    row.getCell(2).setCellStyle(money);
                } else if (!cells[2].isEmpty()) {
                    row.createCell(2).setCellValue(cells[2]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XLSX of text cells only, header row included as given. */
    public static byte[] xlsxAsText(List<String[]> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).length; c++) {
                    row.createCell(c).setCellValue(rows.get(r)[c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] xlsx(String[]... rows) {
        return xlsx(Arrays.asList(rows));
    }

    /**
     * A real XLSX whose sheet is swapped for 60 MB of blanks: a few dozen KB on the wire. Read without a limit it
     * would parse as a sheet with no rows; only the inflate-ratio check tells it apart.
     */
    public static byte[] zipBomb() {
        byte[] genuine = xlsx(new String[] { "26110000000000000123", "2026-11-03", "1.00" });
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(genuine));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1024 * 1024];
                    Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 60; i++) {
                        out.write(blanks);
                    }
                    out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
