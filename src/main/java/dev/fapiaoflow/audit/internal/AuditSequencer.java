package dev.fapiaoflow.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Chains queued audit entries ({@link AuditStore#sequenceQueued}) every {@code fapiaoflow.audit.sequence-millis}
 * (default 500 ms) on every node; a node's sequencer and another's take turns on the chain's head row.
 */
@Component
class AuditSequencer {

    private static final Logger log = LoggerFactory.getLogger(AuditSequencer.class);

    private final AuditStore store;

    AuditSequencer(AuditStore store) {
        this.store = store;
    }

    @Scheduled(fixedDelayString = "${fapiaoflow.audit.sequence-millis:500}")
    void sequence() {
        try {
            store.sequenceQueued();
        } catch (RuntimeException e) {
            // the database is away (restart, failover): the entries stay queued and the next run chains them
            log.warn("Audit entries not chained this time: {}", e.toString());
        }
    }
}
