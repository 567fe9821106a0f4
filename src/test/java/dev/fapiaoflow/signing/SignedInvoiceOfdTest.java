package dev.fapiaoflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import dev.fapiaoflow.ledger.DocumentLedger;
import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;

/** A real invoice's OFD: ofdrw's reader opens it, its SM2 signature validates, a change fails; it is in the ledger. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedInvoiceOfdTest extends SpringTestBase {

    @Autowired
    OfdSignatures signatures;
    @Autowired
    DocumentLedger ledger;

    private JsonNode invoice;
    private byte[] ofd;

    @BeforeAll
    void issue() {
        invoice = new IssuedInvoices(this::client).forAlice("318.00");
        ResponseEntity<byte[]> answer = client("alice").get().uri("/api/invoices/{id}/ofd", invoice.get("id").asLong())
                .retrieve().toEntity(byte[].class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/ofd");
        ofd = answer.getBody();
    }

    @Test
    void ofdrwOpensItAndFindsTheFaceInChinese() throws Exception {
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            assertThat(reader.hasSignature()).isTrue();
            String text = String.join("", new ContentExtractor(reader).extractAll());
            assertThat(text).contains("电子发票（普通发票）", invoice.get("number").asText(), "爱丽丝", "开票人");
        }
    }

    @Test
    void theSignatureValidatesAndAChangedFileFails() throws Exception {
        assertThat(signatures.check(ofd).outcome()).isEqualTo(PdfSignatures.Outcome.VALID);
        assertThat(signatures.check(ofd).invoice()).startsWith(invoice.get("number").asText() + ",");

        byte[] changedAmount = SignedDocuments.rewriteEntries(ofd, "Content.xml", content -> content.replace(invoice.get("totalAmount").asText(), "9.99"));
        assertThat(signatures.check(changedAmount).outcome()).isEqualTo(PdfSignatures.Outcome.BROKEN);
        assertThat(signatures.check(SignedDocuments.flipOneByte(ofd, ofd.length / 2)).outcome())
                .isNotEqualTo(PdfSignatures.Outcome.VALID);
    }

    @Test
    void theOfdIsChainedInTheLedgerAndServedTheSameEachTime() {
        byte[] again = client("alice").get().uri("/api/invoices/{id}/ofd", invoice.get("id").asLong()).retrieve().body(byte[].class);

        assertThat(again).isEqualTo(ofd);
        assertThat(ledger.entryOf(dev.fapiaoflow.ledger.DocumentLedgerTest.sha256(ofd))).get()
                .satisfies(entry -> assertThat(entry.format()).isEqualTo("OFD"));
    }

    @Test
    void someoneElsesOfdIsNotFound() {
        assertThat(client("acme").get().uri("/api/invoices/{id}/ofd", invoice.get("id").asLong()).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }
}
