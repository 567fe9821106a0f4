package dev.fapiaoflow.audit.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fapiaoflow.audit.AuditAnchor;
import dev.fapiaoflow.audit.AuditEntry;
import dev.fapiaoflow.audit.ChainCheck;
import dev.fapiaoflow.audit.ChainMac;

/**
 * Anchors the chain's head outside the database every {@code fapiaoflow.audit.anchor-interval} (default 10 minutes)
 * and at shutdown: the newest entry's sequence number and MAC, signed with the document-signing key, appended to
 * {@link AnchorFile}. The head row is locked meanwhile, so in a cluster one node anchors at a time and the anchor is
 * exactly the head; a head already anchored last in the file is not anchored again (nodes sharing one anchor file
 * do not repeat each other). A head whose MAC does not verify is never anchored: that would vouch for a forgery.
 */
@Component
public class AuditAnchoring {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchoring.class);

    private final AuditStore store;
    private final AnchorFile file;
    private final ChainMac mac;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    AuditAnchoring(AuditStore store, AnchorFile file, ChainMac mac, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.file = file;
        this.mac = mac;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** first a minute after start, so a chain just continued with the keyed marker is anchored soon */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${fapiaoflow.audit.anchor-interval:PT10M}")
    void scheduled() {
        try {
            anchorNow();
        } catch (RuntimeException e) {
            // the database or the disk is away: the next run anchors the head of then
            log.warn("Audit chain head not anchored this time: {}", e.toString());
        }
    }

    @PreDestroy
    void atShutdown() {
        scheduled();
    }

    /**
     * Anchors the current head (after chaining what is queued) and gives the anchor that holds it: the new one, or the
     * last one of the file when that already holds this head. Empty when the chain is empty or its head is no good.
     */
    public Optional<AuditAnchor> anchorNow() {
        store.sequenceQueued();
        return ownTransaction.execute(status -> {
            long seq = jdbc.queryForObject("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE", Long.class);
            if (seq == 0) {
                return Optional.<AuditAnchor>empty();
            }
            List<AuditEntry> head = jdbc.query("SELECT seq, occurred_at, actor, action, object_type, object_id, remote_address,"
                    + " details, prev_hash, hash FROM audit_entry WHERE seq = ?", (rows, i) -> ChainCheck.readRow(rows), seq);
            if (head.isEmpty() || !ChainMac.isKeyed(head.get(0).hash()) || !head.get(0).hashMatches(mac)) {
                log.error("Audit chain head (entry {}) is missing or its MAC does not verify: not anchored. Check the chain"
                        + " (GET /api/audit/chain).", seq);
                return Optional.<AuditAnchor>empty();
            }
            String headMac = head.get(0).hash();
            Optional<AuditAnchor> last = file.lastLine();
            if (last.isPresent() && last.get().seq() == seq && last.get().headMac().equals(headMac)) {
                return last;
            }
            AuditAnchor anchor = file.sign(clock.instant().truncatedTo(ChronoUnit.SECONDS), seq, headMac);
            file.append(anchor);
            return Optional.of(anchor);
        });
    }
}
