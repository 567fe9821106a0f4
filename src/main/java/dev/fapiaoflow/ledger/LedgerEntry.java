package dev.fapiaoflow.ledger;

import java.time.Instant;

/** One link of the chain: which document, its SHA-256, and the hashes that chain it. */
public record LedgerEntry(long seq, long invoiceId, String invoiceNumber, String format, String documentSha256,
        Instant recordedAt, String previousHash, String entryHash) {
}
