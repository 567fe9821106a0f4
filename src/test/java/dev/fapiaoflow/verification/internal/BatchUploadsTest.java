package dev.fapiaoflow.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.i18n.LocaleContextHolder;

import dev.fapiaoflow.shared.upload.HostileFiles;
import dev.fapiaoflow.shared.upload.UploadLimits;
import dev.fapiaoflow.shared.upload.UploadRejected;

class BatchUploadsTest {

    @TempDir
    Path dir;

    @Test
    void csvRowsComeBackAsGivenWithTheirRecordNumbers() {
        List<UploadedRow> rows = parse(BatchFiles.csv("26110000000000000123,2026-11-03,1999.00", "",
                "\"26110000000000000124\",2026-11-04,\"1,5\""));

        assertThat(rows).containsExactly(new UploadedRow(2, "26110000000000000123", "2026-11-03", "1999.00"),
                new UploadedRow(3, "26110000000000000124", "2026-11-04", "1,5"));
    }

    @Test
    void csvHeaderIsMatchedWithoutCaseBomOrBlanks() {
        byte[] bytes = "\uFEFF NUMBER , issuedate,TotalAmount,\n26110000000000000123,2026-11-03,1.00\n".getBytes(StandardCharsets.UTF_8);

        assertThat(parse(bytes)).hasSize(1);
    }

    @Test
    void rowWithMissingCellsIsKeptForTheCheckToReport() {
        assertThat(parse(BatchFiles.csv("26110000000000000123,2026-11-03"))).containsExactly(
                new UploadedRow(2, "26110000000000000123", "2026-11-03", ""));
    }

    @Test
    void csvSavedByChineseExcelInGb18030IsReadToo() {
        byte[] bytes = "number,issueDate,totalAmount\n发票,2026-11-03,1.00\n".getBytes(Charset.forName("GB18030"));

        assertThat(parse(bytes).get(0).number()).isEqualTo("发票");
    }

    @Test
    void wrongColumnsAreRefused() {
        assertRefused("number,date,amount\n1,2,3\n".getBytes(StandardCharsets.UTF_8), "第一行应为列名 number,issueDate,totalAmount");
        assertRefused("number,issueDate,totalAmount,buyer\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8), "第一行应为列名 number,issueDate,totalAmount");
    }

    @Test
    void emptyFileAndHeaderOnlyAreRefused() {
        assertRefused(new byte[0], "文件为空");
        assertRefused("\n\n".getBytes(StandardCharsets.UTF_8), "文件为空");
    }

    @Test
    void binaryGarbageIsRefused() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[10] = 0;

        assertRefused(garbage, "不是 CSV 或 XLSX 文件");
    }

    @Test
    void unclosedQuoteRefusesTheWholeCsv() {
        assertRefused(BatchFiles.csv("\"26110000000000000123,2026-11-03,1.00"), "CSV 格式错误：第 1 行之后");
    }

    /** The file is read in the upload request, so a refusal is in the language the uploader asked for. */
    @Test
    void refusalsAreInTheRequestsLanguage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            assertRefused(new byte[0], "The file is empty");
            assertRefused("number,amount\n1,2\n".getBytes(StandardCharsets.UTF_8),
                    "The first row must name the columns number,issueDate,totalAmount");
            assertRefused(BatchFiles.csv("1,2,3", "\"4,5,6"), "Malformed CSV: what follows line 2 cannot be read");
            assertRefused(new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }, "The XLSX file cannot be read");
            assertThatThrownBy(() -> BatchUploads.parse(write(BatchFiles.csv("1,2,3", "4,5,6")), 1, UploadLimits.defaults()))
                    .hasMessage("At most 1 rows");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void moreRowsThanAllowedAreRefused() {
        byte[] three = BatchFiles.csv("1,2,3", "4,5,6", "7,8,9");

        assertThat(BatchUploads.parse(write(three), 3, UploadLimits.defaults())).hasSize(3);
        assertThatThrownBy(() -> BatchUploads.parse(write(three), 2, UploadLimits.defaults())).isInstanceOf(UploadRefused.class)
                .hasMessageContaining("最多 2 行");
    }

    @Test
    void overlongCellIsCutWithAnEllipsisSoItCanNeverBecomeValid() {
        String padded = "26110000000000000123" + " ".repeat(200) + "x";

        UploadedRow row = parse(BatchFiles.csv("\"" + padded + "\",2026-11-03,1.00")).get(0);

        assertThat(row.number()).hasSize(UploadedRow.MAX_CELL).endsWith("…");
    }

    @Test
    void xlsxDateAndNumberCellsBecomeIsoDateAndAmount() {
        byte[] xlsx = BatchFiles.xlsx(new String[] { "26110000000000000123", "2026-11-03", "1999" },
                new String[] { "26110000000000000124", "3/11/2026", "" });

        assertThat(parse(xlsx)).containsExactly(new UploadedRow(2, "26110000000000000123", "2026-11-03", "1999.00"),
                new UploadedRow(3, "26110000000000000124", "3/11/2026", ""));
    }

    @Test
    void xlsxWithWrongHeaderIsRefused() {
        assertRefused(BatchFiles.xlsxAsText(List.of(new String[] { "发票号码", "开票日期", "价税合计" },
                new String[] { "26110000000000000123", "2026-11-03", "1.00" })), "第一行应为列名 number,issueDate,totalAmount");
    }

    @Test
    void xlsxWithOnlyTheHeaderHasNoRows() {
        assertThat(parse(BatchFiles.xlsx(List.<String[]>of()))).isEmpty();
    }

    @Test
    void zipThatIsNoSpreadsheetIsRefused() {
        assertRefused(new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }, "无法读取 XLSX 文件");
    }

    @Test
    void zipBombDisguisedAsXlsxIsRejectedBeforeItExpands() {
        byte[] bomb = BatchFiles.zipBomb();

        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> parse(bomb)).isInstanceOf(UploadRejected.class)
                .satisfies(e -> assertThat(((UploadRejected) e).reason()).isEqualTo(UploadRejected.Reason.COMPRESSION_RATIO));
    }

    @Test
    void xlsxWithADoctypeIsRejectedEvenWhenPoiWouldNeverReadThatPart() {
        byte[] xlsx = HostileFiles.replaceEntry(BatchFiles.xlsx(new String[] { "26110000000000000123", "2026-11-03", "1.00" }),
                "docProps/app.xml", app -> HostileFiles.billionLaughsDoctype("Properties") + app.substring(app.indexOf("<Properties")));

        assertThatThrownBy(() -> parse(xlsx)).isInstanceOf(UploadRejected.class)
                .satisfies(e -> assertThat(((UploadRejected) e).reason()).isEqualTo(UploadRejected.Reason.DTD))
                .satisfies(e -> assertThat(((UploadRejected) e).arguments()).containsExactly("docProps/app.xml"));
    }

    private List<UploadedRow> parse(byte[] bytes) {
        return BatchUploads.parse(write(bytes), 100, UploadLimits.defaults());
    }

    private void assertRefused(byte[] bytes, String reason) {
        assertThatThrownBy(() -> parse(bytes)).isInstanceOf(UploadRefused.class).hasMessageContaining(reason)
                .satisfies(e -> assertThat(((UploadRefused) e).tooLarge()).isFalse());
    }

    private Path write(byte[] bytes) {
        try {
            return Files.write(Files.createTempFile(dir, "upload", ".bin"), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
