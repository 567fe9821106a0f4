package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.fapiaoflow.issuance.Drafts;

class InvoicePdfRendererTest {

    private static byte[] pdf;
    private static String text;

    @BeforeAll
    static void render() throws Exception {
        pdf = new InvoicePdfRenderer(new CjkFont()).render(InvoiceTest.issued());
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                all.append(PdfTextExtractor.getTextFromPage(document.getPage(page)));
            }
            text = all.toString();
        }
    }

    @Test
    void showsTitleNumberAndDateOfIssue() {
        assertThat(text).contains("电子发票（普通发票）", "26110000000000000123", "2026年11月03日");
    }

    @Test
    void showsBuyerAndSeller() {
        assertThat(text).contains(Drafts.ACME_TITLE, Drafts.ACME_TAX_ID, "北京启明在线教育科技有限公司", "91110108MA01ABCD2X");
    }

    @Test
    void showsLinesWithRatesTaxAndTotals() {
        assertThat(text).contains("*非学历教育服务*培训费", "*图书*Java 核心技术", "1885.85", "113.15", "6%", "9%",
                "100", "200.00", "18.00", "¥2085.85", "¥131.15", "¥2217.00");
    }

    @Test
    void showsTotalInCapitalWords() {
        assertThat(text).contains("价税合计（大写）", "贰仟贰佰壹拾柒元整", "开票人：张会计");
    }

    @Test
    void embedsASubsetOfTheCjkFont() throws Exception {
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            PdfDictionary fonts = document.getPage(1).getResources().getResource(PdfName.Font);
            assertThat(fonts.keySet()).isNotEmpty();
            for (PdfName name : fonts.keySet()) {
                PdfDictionary font = fonts.getAsDictionary(name);
                assertThat(font.getAsName(PdfName.Subtype)).isEqualTo(PdfName.Type0);
                PdfDictionary descendant = ((PdfArray) font.get(PdfName.DescendantFonts)).getAsDictionary(0);
                PdfDictionary descriptor = descendant.getAsDictionary(PdfName.FontDescriptor);
                assertThat(descriptor.get(PdfName.FontFile2)).as("embedded TrueType program").isNotNull();
                assertThat(font.getAsName(PdfName.BaseFont).getValue()).matches("[A-Z]{6}\\+.*(WenQuanYi|HanaMin).*");
            }
        }
        // only the used glyphs: far below the 1.2 MB font
        assertThat(pdf.length).isLessThan(200_000);
    }

    @Test
    void textIsExtractableWithPdftotextToo(@TempDir Path dir) throws Exception {
        // a missing tool fails the test instead of passing it unseen; the build installs it (tools/prerequisites)
        assertThat(Path.of("/usr/bin/pdftotext"))
                .as("pdftotext (Debian package poppler-utils; tools/prerequisites installs it)").isExecutable();
        Path file = dir.resolve("invoice.pdf");
        Files.write(file, pdf);
        Process process = new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", file.toString(), "-")
                .redirectErrorStream(true).start();
        String extracted = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(extracted).contains("电子发票（普通发票）", Drafts.ACME_TITLE, "*非学历教育服务*培训费", "贰仟贰佰壹拾柒元整",
                "2217.00");
    }

    @Test
    void qrCodeCarriesNumberTotalAndDate() {
        assertThat(InvoicePdfRenderer.qrContent(InvoiceTest.issued())).isEqualTo("01,32,,26110000000000000123,2085.85,20261103,,"
                + InvoicePdfRenderer.crc16("01,32,,26110000000000000123,2085.85,20261103,"));
    }

    /** The parsed font program is shared; documents rendered at the same time must each embed what they use. */
    @Test
    void oneSharedFontRendersDocumentsInParallel() throws Exception {
        InvoicePdfRenderer shared = new InvoicePdfRenderer(new CjkFont());
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<byte[]>> rendered = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                rendered.add(threads.submit(() -> shared.render(InvoiceTest.issued())));
            }
            for (java.util.concurrent.Future<byte[]> each : rendered) {
                try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(each.get(30, TimeUnit.SECONDS))))) {
                    assertThat(PdfTextExtractor.getTextFromPage(document.getPage(1)))
                            .contains(Drafts.ACME_TITLE, "贰仟贰佰壹拾柒元整", "开票人：张会计");
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
