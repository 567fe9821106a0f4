package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import dev.fapiaoflow.issuance.DemoMark;
import dev.fapiaoflow.issuance.Drafts;

/** Every document FapiaoFlow renders itself (local mode) says on each page that it is a demonstration, not an invoice. */
class DemoMarkDocumentTest {

    @Test
    void everyPageOfALocalPdfCarriesTheDemoMark() throws Exception {
        byte[] pdf = new InvoicePdfRenderer(new CjkFont()).render(longInvoice());

        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            assertThat(document.getNumberOfPages()).as("long enough to need a second page").isGreaterThan(1);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                assertThat(PdfTextExtractor.getTextFromPage(document.getPage(page))).as("page " + page).contains(DemoMark.TEXT);
            }
        }
    }

    @Test
    void theLocalOfdCarriesTheDemoMarkOnItsPage() throws Exception {
        byte[] ofd = new InvoiceOfdRenderer().render(InvoiceTest.issued(), null, null);

        List<String> pages = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().matches(".*Pages/Page_\\d+/Content\\.xml")) {
                    pages.add(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(pages).isNotEmpty().allSatisfy(content -> assertThat(content).contains(DemoMark.TEXT));
    }

    private static Invoice longInvoice() {
        List<TaxLine> lines = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            lines.add(TaxLine.of("课程 " + i, BigDecimal.ONE, new BigDecimal("106.00"), InvoiceTest.TRAINING));
        }
        return Invoice.issue(Drafts.draft(7, "acme", Drafts.acme()), lines, "26110000000000000124", LocalDate.of(2026, 11, 3),
                InvoiceTest.ISSUED_AT, InvoiceTest.SELLER);
    }
}
