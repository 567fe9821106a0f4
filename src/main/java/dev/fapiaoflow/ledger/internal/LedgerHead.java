package dev.fapiaoflow.ledger.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The chain's last sequence number and hash; its one row is the lock every append takes. */
@Entity
@Table(name = "document_ledger_head")
public class LedgerHead {

    public static final int ID = 1;

    @Id
    private Integer id;
    private Long lastSeq;
    private String lastHash;

    protected LedgerHead() {
    }

    public long lastSeq() { return lastSeq; }
    public String lastHash() { return lastHash; }

    public void advance(long seq, String hash) {
        this.lastSeq = seq;
        this.lastHash = hash;
    }
}
