package dev.fapiaoflow.verification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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

import dev.fapiaoflow.shared.Texts;
import dev.fapiaoflow.shared.upload.BoundedZip;
import dev.fapiaoflow.shared.upload.UploadLimits;
import dev.fapiaoflow.shared.upload.UploadRejected;

/**
 * The first sheet of an XLSX, streamed with POI's event API (SAX), so 100,000 rows never sit in memory as a
 * workbook. Before POI opens it, the whole zip is read once as a stream by {@link BoundedZip}, with the upload limits
 * (entries, unpacked size, compression ratio) checked on every read and every XML part checked for a DTD; POI then
 * opens the file (from its central directory) through {@link ZipSecureFile} with the same limits, and parses with
 * its own safe XML settings ({@link XMLHelper}: no DTD, no external entities).
 */
final class XlsxRows {

    private XlsxRows() {
    }

    static List<UploadedRow> parse(Path file, int maxRows, UploadLimits limits) {
        try (InputStream zip = Files.newInputStream(file)) {
            BoundedZip.check(zip, limits);
        } catch (IOException e) {
            throw UploadRefused.invalid(Texts.of("upload.batch.unreadableXlsx"));
        }
        secure(limits);
        Rows rows = new Rows(maxRows);
        try (OPCPackage xlsx = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(xlsx);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw UploadRefused.invalid(Texts.of("upload.batch.noSheet"));
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
            if (isZipBomb(e)) {
                // POI's central-directory view passed a limit the stream view did not see (a zip with two faces)
                throw new UploadRejected(UploadRejected.Reason.COMPRESSION_RATIO, "POI: " + e.getMessage(),
                        limits.maxCompressionRatio());
            }
            throw UploadRefused.invalid(Texts.of("upload.batch.unreadableXlsx"));
        }
        return rows.finish();
    }

    /** POI keeps these limits JVM-wide; the batch upload is its only reader of untrusted files */
    private static void secure(UploadLimits limits) {
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxCompressionRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxUnpackedSize().toBytes());
        ZipSecureFile.setMaxFileCount(limits.maxEntries());
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("max. ratio")
                    || message.contains("exceed the max. size") || message.contains("MAX_FILE_COUNT"))) {
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
                throw UploadRefused.invalid(Texts.of("upload.batch.tooManyRows", maxRows));
            }
            rows.add(UploadedRow.of(rowNum + 1, cells[0], cells[1], cells[2]));
        }

        List<UploadedRow> finish() {
            if (!headerSeen) {
                throw UploadRefused.invalid(Texts.of("upload.batch.empty"));
            }
            return rows;
        }
    }
}
