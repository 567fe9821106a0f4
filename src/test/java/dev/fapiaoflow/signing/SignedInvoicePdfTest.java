package dev.fapiaoflow.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;

/**
 * A real issued invoice's PDF: signed (PAdES) so that Poppler's pdfsig accepts it and rejects it after one changed
 * byte; its face carries the standard QR payload and a signed link that verifies at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedInvoicePdfTest extends SpringTestBase {

    @TempDir
    Path dir;

    @Autowired
    PdfSignatures signatures;

    private JsonNode invoice;
    private byte[] pdf;

    @BeforeAll
    void issue() {
        invoice = new IssuedInvoices(this::client).forAlice("212.00");
        pdf = client("alice").get().uri("/api/invoices/{id}/pdf", invoice.get("id").asLong()).retrieve().body(byte[].class);
    }

    @Test
    void pdfsigReportsTheSignatureValidAndAChangedByteInvalid() throws Exception {
        String genuine = SignedDocuments.pdfsig(SignedDocuments.write(dir, "genuine.pdf", pdf));
        // byte 10 lies in the header's binary comment: the file still parses, but the signed bytes differ
        String changed = SignedDocuments.pdfsig(SignedDocuments.write(dir, "changed.pdf", SignedDocuments.flipOneByte(pdf, 10)));

        assertThat(genuine).contains("Signature Validation: Signature is Valid.", "FapiaoFlow invoice signing");
        assertThat(changed).doesNotContain("Signature is Valid.").contains("Signature Validation:");
    }

    @Test
    void ourCheckAcceptsTheIssuedFileAndRejectsAChangedOne() {
        assertThat(signatures.check(pdf).outcome()).isEqualTo(PdfSignatures.Outcome.VALID);
        assertThat(signatures.check(SignedDocuments.flipOneByte(pdf, 10)).outcome()).isEqualTo(PdfSignatures.Outcome.BROKEN);
        assertThat(signatures.check(SignedDocuments.flipOneByte(pdf, pdf.length / 2)).outcome())
                .isIn(PdfSignatures.Outcome.BROKEN, PdfSignatures.Outcome.UNREADABLE);
    }

    @Test
    void theFaceCarriesTheStandardPayloadAndASignedLinkThatVerifiesAtOnce() throws Exception {
        List<String> codes = SignedDocuments.qrCodesOnFirstPage(SignedDocuments.write(dir, "face.pdf", pdf), dir);
        String number = invoice.get("number").asText();
        String date = invoice.get("issueDate").asText();

        assertThat(codes).hasSize(2);
        String standard = codes.stream().filter(code -> code.startsWith("01,")).findFirst().orElseThrow();
        String[] fields = standard.split(",", -1);
        assertThat(fields).hasSize(8);
        assertThat(fields[0]).isEqualTo("01");
        assertThat(fields[1]).isEqualTo("32");
        assertThat(fields[2]).isEmpty();
        assertThat(fields[3]).isEqualTo(number);
        assertThat(fields[4]).isEqualTo(invoice.get("netAmount").asText());
        assertThat(fields[5]).isEqualTo(date.replace("-", ""));
        assertThat(fields[6]).isEmpty();
        assertThat(fields[7]).matches("[0-9A-F]{4}");

        String link = codes.stream().filter(code -> code.startsWith("http")).findFirst().orElseThrow();
        URI uri = URI.create(link);
        assertThat(uri.getPath()).isEqualTo("/verify");
        String page = mockMvc.perform(get(URI.create(uri.getPath() + "?" + uri.getRawQuery()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-outcome=\"MATCH\"", "id=\"signed-link\"", number);

        String forged = uri.getRawQuery().replace(invoice.get("totalAmount").asText(), "1.00");
        String forgedPage = mockMvc.perform(get(URI.create("/verify?" + forged))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(forgedPage).contains("data-outcome=\"BAD_LINK\"").doesNotContain("data-outcome=\"MATCH\"");
    }

    @Test
    void thePublicKeyIsAtTheWellKnownUrlForAnyone() throws Exception {
        String pem = mockMvc.perform(get("/.well-known/fapiaoflow-verification-key.pem")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----").contains("-----END PUBLIC KEY-----");
    }
}
