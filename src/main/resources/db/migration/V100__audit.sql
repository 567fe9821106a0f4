-- The audit trail (README "Audit trail"): append-only, each entry carries the hash of the one before.
-- audit_chain_head's one row is locked by every append, so concurrent appends (any node) queue up and never fork
-- the chain; it also holds the last hash, so removing the newest entries is noticed too.
-- Production: grant the application's database user INSERT and SELECT only on audit_entry (no UPDATE, DELETE).

CREATE TABLE audit_entry (
    seq            BIGINT        NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP     NOT NULL,
    actor          VARCHAR(128)  NOT NULL,
    action         VARCHAR(128)  NOT NULL,
    object_type    VARCHAR(64)   NULL,
    object_id      VARCHAR(128)  NULL,
    remote_address VARCHAR(64)   NULL,
    details        VARCHAR(1000) NULL,
    prev_hash      CHAR(64)      NOT NULL,
    hash           CHAR(64)      NOT NULL
);
CREATE INDEX ix_audit_entry_time ON audit_entry (occurred_at);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, seq);
CREATE INDEX ix_audit_entry_object ON audit_entry (object_type, object_id);

CREATE TABLE audit_chain_head (
    id        INT      NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
