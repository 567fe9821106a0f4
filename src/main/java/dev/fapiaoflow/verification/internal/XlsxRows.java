package dev.fapiaoflow.verification.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX, streamed with POI's event API (SAX), so 100,000 rows never sit in memory as a
 * workbook. The file is opened from disk through {@link ZipSecureFile}: an entry that inflates more than 100
 * times its compressed size (a zip bomb) or past {@link #MAX_ENTRY_BYTES} is refused before it is expanded.
 */
final class XlsxRows {

    /** A 100,000-row sheet is about 15 MB of XML; this leaves room and still stops a bomb early. */
    static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;

    static {
        // POI keeps these limits JVM-wide; the defaults already refuse ratios above 100:1, set here so they are visible
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private XlsxRows() {
    }

    static List<UploadedRow> parse(Path file, int maxRows) {
        Rows rows = new Rows(maxRows);
        try (OPCPackage xlsx = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(xlsx);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw UploadRefused.invalid("XLSX 中没有工作表 / the XLSX has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(xlsx), rows, new IsoDates(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (UploadRefused e) {
            throw e;
        } catch (Exception | LinkageError e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UploadRefused refused) {
                    throw refused; // our own verdict from inside the SAX handler
                }
            }
            throw UploadRefused.invalid(isZipBomb(e)
                    ? "XLSX 压缩比异常，疑似 zip 炸弹，已拒绝 / the XLSX expands suspiciously (zip bomb), refused"
                    : "无法读取 XLSX 文件 / unreadable XLSX");
        }
        return rows.finish();
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("max. ratio")
                    || message.contains("exceed the max. size"))) {
                return true;
            }
        }
        return false;
    }

    /** Date cells as ISO dates (what CheckInput expects), every other cell as Excel displays it. */
    private static final class IsoDates extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value).toLocalDate();
                return date.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

    /** Collects columns A–C of each row after the header; blank rows are skipped. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final int maxRows;
        private final List<UploadedRow> rows = new ArrayList<>();
        private String[] cells;
        private boolean headerSeen;

        Rows(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new String[] { "", "", "", "" };
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            if (column < cells.length && formattedValue != null) {
                cells[column] = formattedValue;
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (!headerSeen) {
                UploadHeader.check(List.of(cells));
                headerSeen = true;
                return;
            }
            if (cells[0].isBlank() && cells[1].isBlank() && cells[2].isBlank()) {
                return;
            }
            if (rows.size() == maxRows) {
                throw UploadRefused.invalid("最多 " + maxRows + " 行 / at most " + maxRows + " rows");
            }
            rows.add(UploadedRow.of(rowNum + 1, cells[0], cells[1], cells[2]));
        }

        List<UploadedRow> finish() {
            if (!headerSeen) {
                throw UploadRefused.invalid("文件为空 / the file is empty");
            }
            return rows;
        }
    }
}
