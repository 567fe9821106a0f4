package dev.fapiaoflow.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Paragraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;

/** POST /api/verifications/document and the page /verify/document, anonymous, with real issued documents. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentVerificationTest extends SpringTestBase {

    @Autowired
    IssuanceService issuance;

    private JsonNode invoice;
    private byte[] pdf;
    private byte[] ofd;

    @BeforeAll
    void issue() {
        invoice = new IssuedInvoices(this::client).forAcme("424.00");
        long id = invoice.get("id").asLong();
        pdf = client("acme").get().uri("/api/invoices/{id}/pdf", id).retrieve().body(byte[].class);
        ofd = client("acme").get().uri("/api/invoices/{id}/ofd", id).retrieve().body(byte[].class);
    }

    @Test
    void theIssuedPdfIsAuthenticWithItsStatusAndLedgerEntry() {
        JsonNode verdict = upload("invoice.pdf", pdf).getBody();

        assertThat(verdict.get("result").asText()).isEqualTo("AUTHENTIC");
        assertThat(verdict.get("format").asText()).isEqualTo("PDF");
        assertThat(verdict.get("status").asText()).isEqualTo("NORMAL");
        assertThat(verdict.get("invoice").get("number").asText()).isEqualTo(invoice.get("number").asText());
        assertThat(verdict.get("invoice").get("totalAmount").asText()).isEqualTo("424.00");
        assertThat(verdict.get("ledger").get("seq").asLong()).isPositive();
        assertThat(verdict.get("ledger").get("recordedAt").asText()).isNotBlank();
        assertThat(verdict.get("ledger").fieldNames()).toIterable().as("no internal hashes or ids in a public answer")
                .containsExactlyInAnyOrder("seq", "format", "recordedAt");
        assertThat(verdict.toString()).doesNotContainPattern("[0-9a-f]{64}");
        assertThat(verdict.toString()).doesNotContain("北京某某科技有限公司", "91110108351303601C");
    }

    @Test
    void theIssuedOfdIsAuthenticToo() {
        JsonNode verdict = upload("invoice.ofd", ofd).getBody();

        assertThat(verdict.get("result").asText()).isEqualTo("AUTHENTIC");
        assertThat(verdict.get("format").asText()).isEqualTo("OFD");
        assertThat(verdict.get("ledger").get("format").asText()).isEqualTo("OFD");
    }

    @Test
    void aChangedByteMakesEitherTampered() throws Exception {
        byte[] changedPdf = pdf.clone();
        changedPdf[10] ^= 1;
        byte[] changedOfd = dev.fapiaoflow.signing.SignedDocuments.rewriteEntries(ofd, "Content.xml",
                content -> content.replace("424.00", "42.40"));

        assertThat(upload("changed.pdf", changedPdf).getBody().get("result").asText()).isEqualTo("TAMPERED");
        assertThat(upload("changed.ofd", changedOfd).getBody().get("result").asText()).isEqualTo("TAMPERED");
    }

    @Test
    void anUnsignedPdfIsNotOurs() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Document document = new Document(new PdfDocument(new PdfWriter(out)))) {
            document.add(new Paragraph("Invoice 26110000000000000001"));
        }

        JsonNode verdict = upload("other.pdf", out.toByteArray()).getBody();

        assertThat(verdict.get("result").asText()).isEqualTo("NOT_OURS");
        assertThat(verdict.has("invoice")).isFalse();
    }

    @Test
    void otherFilesAre400AndLargeOnes413() {
        ResponseEntity<JsonNode> text = upload("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        ResponseEntity<JsonNode> large = upload("large.pdf", new byte[5 * 1024 * 1024 + 1]);

        assertThat(text.getStatusCode().value()).isEqualTo(400);
        assertThat(text.getBody().toString()).contains("file");
        assertThat(large.getStatusCode().value()).isEqualTo(413);
    }

    @Test
    void thePageShowsTheVerdictToAnyone() throws Exception {
        String page = mockMvc.perform(multipart("/verify/document").file(new MockMultipartFile("file", "invoice.pdf",
                        "application/pdf", pdf)).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("data-result=\"AUTHENTIC\"", invoice.get("number").asText(), "id=\"ledger\"",
                "class=\"alert success\"", "已登记于存证台账");
        assertThat(page).as("no internal hashes on the public page").doesNotContainPattern("[0-9a-f]{64}");
    }

    @Test
    void aRedFlushedInvoicesGenuineDocumentIsAuthenticButNeverAPlainGreenMatch() throws Exception {
        JsonNode flushed = new IssuedInvoices(this::client).forAcme("425.00");
        long id = flushed.get("id").asLong();
        byte[] flushedPdf = client("acme").get().uri("/api/invoices/{id}/pdf", id).retrieve().body(byte[].class);
        issuance.redLetter(id, RedLetterReason.ISSUED_IN_ERROR, "manager");

        JsonNode verdict = upload("invoice.pdf", flushedPdf).getBody();
        String page = mockMvc.perform(multipart("/verify/document").file(new MockMultipartFile("file", "invoice.pdf",
                        "application/pdf", flushedPdf)).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(verdict.get("result").asText()).isEqualTo("AUTHENTIC");
        assertThat(verdict.get("status").asText()).isEqualTo("RED_FLUSHED");
        assertThat(page).contains("data-result=\"AUTHENTIC\"", "class=\"alert warning\"", "data-status=\"RED_FLUSHED\"",
                "该发票已全额红冲，不能作为有效凭证").doesNotContain("alert success");
    }

    private ResponseEntity<JsonNode> upload(String name, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build()
                .post().uri("/api/verifications/document").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().toEntity(JsonNode.class);
    }
}
