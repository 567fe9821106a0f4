package dev.fapiaoflow.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertRefused("number,date,amount\n1,2,3\n".getBytes(StandardCharsets.UTF_8), "header");
        assertRefused("number,issueDate,totalAmount,buyer\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8), "header");
    }

    @Test
    void emptyFileAndHeaderOnlyAreRefused() {
        assertRefused(new byte[0], "empty");
        assertRefused("\n\n".getBytes(StandardCharsets.UTF_8), "empty");
    }

    @Test
    void binaryGarbageIsRefused() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[10] = 0;

        assertRefused(garbage, "neither CSV nor XLSX");
    }

    @Test
    void unclosedQuoteRefusesTheWholeCsv() {
        assertRefused(BatchFiles.csv("\"26110000000000000123,2026-11-03,1.00"), "malformed CSV");
    }

    @Test
    void moreRowsThanAllowedAreRefused() {
        byte[] three = BatchFiles.csv("1,2,3", "4,5,6", "7,8,9");

        assertThat(BatchUploads.parse(write(three), 3, UploadLimits.defaults())).hasSize(3);
        assertThatThrownBy(() -> BatchUploads.parse(write(three), 2, UploadLimits.defaults())).isInstanceOf(UploadRefused.class)
                .hasMessageContaining("at most 2 rows");
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
                new String[] { "26110000000000000123", "2026-11-03", "1.00" })), "header");
    }

    @Test
    void xlsxWithOnlyTheHeaderHasNoRows() {
        assertThat(parse(BatchFiles.xlsx(List.<String[]>of()))).isEmpty();
    }

    @Test
    void zipThatIsNoSpreadsheetIsRefused() {
        assertRefused(new byte[] { 'P', 'K', 3, 4, 1, 2, 3 }, "unreadable XLSX");
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
