package dev.fapiaoflow.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.ledger.internal.LedgerHead;
import dev.fapiaoflow.ledger.internal.LedgerHeadRepository;
import dev.fapiaoflow.ledger.internal.LedgerRow;
import dev.fapiaoflow.ledger.internal.LedgerRowRepository;
import dev.fapiaoflow.shared.BeforeCommit;

/**
 * The hash chain of issued documents. An entry's hash is the SHA-256 of
 * {@code seq|invoiceId|invoiceNumber|format|documentSha256|recordedAt|previousHash} (recordedAt ISO-8601 in UTC, whole
 * seconds), so anyone with the entries recomputes the chain.
 */
@Service
public class DocumentLedger {

    public static final String GENESIS_HASH = "0".repeat(64);
    private static final int WALK_PAGE = 1000;

    private final LedgerHeadRepository heads;
    private final LedgerRowRepository rows;

    DocumentLedger(LedgerHeadRepository heads, LedgerRowRepository rows) {
        this.heads = heads;
        this.rows = rows;
    }

    /**
     * Appends in the caller's transaction (issuance: the document and its entry commit together), just before it
     * commits: the head's row lock is taken then and held only for the commit, so concurrent appends from any node
     * queue and chain one after another without waiting for each other's rendering or engine work (bench/e2e.sh).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(long invoiceId, String invoiceNumber, String format, String documentSha256, Instant at) {
        BeforeCommit.add(this, new PendingAppend(invoiceId, invoiceNumber, format, documentSha256, at.truncatedTo(ChronoUnit.SECONDS)),
                this::appendNow);
    }

    private record PendingAppend(long invoiceId, String invoiceNumber, String format, String documentSha256, Instant recordedAt) {
    }

    private void appendNow(List<PendingAppend> appends) {
        LedgerHead head = heads.lockHead().orElseThrow(() -> new IllegalStateException("the ledger head row is missing"));
        for (PendingAppend append : appends) {
            long seq = head.lastSeq() + 1;
            String hash = entryHash(seq, append.invoiceId(), append.invoiceNumber(), append.format(), append.documentSha256(),
                    append.recordedAt(), head.lastHash());
            rows.save(new LedgerRow(new LedgerEntry(seq, append.invoiceId(), append.invoiceNumber(), append.format(),
                    append.documentSha256(), append.recordedAt(), head.lastHash(), hash)));
            head.advance(seq, hash);
        }
    }

    /** The entry that recorded a document with exactly these bytes. */
    @Transactional(readOnly = true)
    public Optional<LedgerEntry> entryOf(String documentSha256) {
        return rows.findFirstByDocumentSha256OrderBySeqAsc(documentSha256).map(LedgerRow::entry);
    }

    /**
     * Walks the chain from the first entry up to the head as it was when the walk began (entries appended meanwhile
     * are left to the next walk), recomputing every hash.
     */
    @Transactional(readOnly = true)
    public ChainCheck check() {
        LedgerHead head = heads.findById(LedgerHead.ID).orElseThrow(() -> new IllegalStateException("the ledger head row is missing"));
        String previous = GENESIS_HASH;
        long expectedSeq = 1;
        long count = 0;
        List<LedgerRow> page = rows.findBySeqGreaterThanAndSeqLessThanEqualOrderBySeqAsc(0, head.lastSeq(), PageRequest.of(0, WALK_PAGE));
        while (!page.isEmpty()) {
            for (LedgerRow row : page) {
                LedgerEntry e = row.entry();
                if (e.seq() != expectedSeq) {
                    return new ChainCheck(false, count, head.lastHash(), expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!e.previousHash().equals(previous)) {
                    return new ChainCheck(false, count, head.lastHash(), e.seq(), "previousHash does not name the entry before");
                }
                String recomputed = entryHash(e.seq(), e.invoiceId(), e.invoiceNumber(), e.format(), e.documentSha256(),
                        e.recordedAt(), e.previousHash());
                if (!recomputed.equals(e.entryHash())) {
                    return new ChainCheck(false, count, head.lastHash(), e.seq(), "entryHash does not match the entry's content");
                }
                previous = e.entryHash();
                expectedSeq++;
                count++;
            }
            page = rows.findBySeqGreaterThanAndSeqLessThanEqualOrderBySeqAsc(expectedSeq - 1, head.lastSeq(), PageRequest.of(0, WALK_PAGE));
        }
        if (head.lastSeq() != count || !head.lastHash().equals(previous)) {
            return new ChainCheck(false, count, head.lastHash(), count + 1, "the head does not point at the last entry");
        }
        return new ChainCheck(true, count, head.lastHash(), null, null);
    }

    static String entryHash(long seq, long invoiceId, String invoiceNumber, String format, String documentSha256,
            Instant recordedAt, String previousHash) {
        String text = String.join("|", Long.toString(seq), Long.toString(invoiceId), invoiceNumber, format, documentSha256,
                recordedAt.truncatedTo(ChronoUnit.SECONDS).toString(), previousHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
