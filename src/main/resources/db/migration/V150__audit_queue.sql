-- Audit entries are written with the change they record into audit_queue, which takes no lock that other
-- transactions wait for; the audit sequencer (AuditStore.sequence) moves them into the hash chain (audit_entry) in
-- batches, in the order they were queued, within a second, and before anyone reads the trail. Before this every
-- write transaction of every node locked audit_chain_head until it committed, so they committed one at a time
-- (bench/e2e.sh, README "Performance").
-- Production: the application's database user needs INSERT, SELECT and DELETE on audit_queue (still INSERT and SELECT
-- only on audit_entry).

CREATE TABLE audit_queue (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at    TIMESTAMP     NOT NULL,
    actor          VARCHAR(128)  NOT NULL,
    action         VARCHAR(128)  NOT NULL,
    object_type    VARCHAR(64)   NULL,
    object_id      VARCHAR(128)  NULL,
    remote_address VARCHAR(64)   NULL,
    details        VARCHAR(1000) NULL
);
