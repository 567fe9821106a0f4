package dev.fapiaoflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.support.IssuedInvoices;
import dev.fapiaoflow.support.SpringTestBase;

/** The chain on H2: issuance appends each document, appends at once chain one after another, the walk finds a change. */
public class DocumentLedgerTest extends SpringTestBase {

    @Autowired
    DocumentLedger ledger;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anIssuedInvoicesPdfIsInTheChain() {
        JsonNode invoice = new IssuedInvoices(this::client).forAlice("63.00");
        byte[] pdf = client("alice").get().uri("/api/invoices/{id}/pdf", invoice.get("id").asLong()).retrieve().body(byte[].class);

        LedgerEntry entry = ledger.entryOf(sha256(pdf)).orElseThrow();

        assertThat(entry.invoiceId()).isEqualTo(invoice.get("id").asLong());
        assertThat(entry.invoiceNumber()).isEqualTo(invoice.get("number").asText());
        assertThat(entry.format()).isEqualTo("PDF");
        assertThat(ledger.check().intact()).isTrue();
    }

    @Test
    void appendsAtOnceFormOneChainAndAChangedEntryIsFound() throws Exception {
        List<LedgerEntry> entries = LedgerAppends.allAtOnce(ledger, transactions, 4);

        assertThat(entries).extracting(LedgerEntry::previousHash).doesNotHaveDuplicates();
        ChainCheck check = ledger.check();
        assertThat(check.intact()).isTrue();
        assertThat(check.entries()).isGreaterThanOrEqualTo(4);

        LedgerEntry victim = entries.get(0);
        String changed = "f".repeat(64);
        jdbc.update("UPDATE document_ledger SET document_sha256 = ? WHERE seq = ?", changed, victim.seq());
        try {
            ChainCheck broken = ledger.check();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.brokenAtSeq()).isEqualTo(victim.seq());
        } finally {
            jdbc.update("UPDATE document_ledger SET document_sha256 = ? WHERE seq = ?", victim.documentSha256(), victim.seq());
        }
        assertThat(ledger.check().intact()).isTrue();
    }

    @Test
    void onlyFinanceManagersAndAdminsWalkTheChain() {
        assertThat(client("manager").get().uri("/api/ledger/check").retrieve().toEntity(JsonNode.class).getBody().get("intact").asBoolean())
                .isTrue();
        assertThat(client("alice").get().uri("/api/ledger/check").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
    }

    public static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
