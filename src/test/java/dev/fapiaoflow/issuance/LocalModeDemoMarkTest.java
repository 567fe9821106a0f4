package dev.fapiaoflow.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.MailTexts;
import dev.fapiaoflow.support.SpringTestBase;

/** A local-mode invoice, as its customer meets it: the downloaded PDF, the OFD and the mail all say it is a demo. */
class LocalModeDemoMarkTest extends SpringTestBase {

    @Autowired
    IssuanceService issuance;

    @Test
    void aLocalInvoicesPdfOfdAndMailCarryTheDemoMark() throws Exception {
        JsonNode invoice = new IssuedInvoices(this::client).forAlice("61.00");
        long id = invoice.get("id").asLong();

        byte[] pdf = client("alice").get().uri("/api/invoices/{id}/pdf", id).retrieve().body(byte[].class);
        try (PdfDocument document = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)))) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                assertThat(PdfTextExtractor.getTextFromPage(document.getPage(page))).contains(DemoMark.TEXT);
            }
        }
        byte[] ofd = client("alice").get().uri("/api/invoices/{id}/ofd", id).retrieve().body(byte[].class);
        assertThat(pageContents(ofd)).contains(DemoMark.TEXT);
        MimeMessage mail = MailTexts.about(invoice.get("number").asText());
        assertThat(mail.getSubject()).startsWith("【" + DemoMark.TEXT + "】");
        assertThat(MailTexts.text(mail)).contains(DemoMark.TEXT);
        assertThat(issuance.isDemo(id)).isTrue();
    }

    static String pageContents(byte[] ofd) throws Exception {
        StringBuilder pages = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().matches(".*Pages/Page_\\d+/Content\\.xml")) {
                    pages.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return pages.toString();
    }
}
