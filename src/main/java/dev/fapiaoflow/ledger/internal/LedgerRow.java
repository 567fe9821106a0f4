package dev.fapiaoflow.ledger.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.fapiaoflow.ledger.LedgerEntry;

@Entity
@Table(name = "document_ledger")
public class LedgerRow {

    @Id
    private Long seq;
    private Long invoiceId;
    private String invoiceNumber;
    private String format;
    private String documentSha256;
    private Instant recordedAt;
    private String previousHash;
    private String entryHash;

    protected LedgerRow() {
    }

    public LedgerRow(LedgerEntry entry) {
        this.seq = entry.seq();
        this.invoiceId = entry.invoiceId();
        this.invoiceNumber = entry.invoiceNumber();
        this.format = entry.format();
        this.documentSha256 = entry.documentSha256();
        this.recordedAt = entry.recordedAt();
        this.previousHash = entry.previousHash();
        this.entryHash = entry.entryHash();
    }

    public LedgerEntry entry() {
        return new LedgerEntry(seq, invoiceId, invoiceNumber, format, documentSha256, recordedAt, previousHash, entryHash);
    }
}
