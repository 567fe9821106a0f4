-- The document ledger: every issued document's SHA-256 in a hash chain. entry_hash is the SHA-256 of the entry's
-- fields and the previous entry's hash, so changing or removing an entry breaks every hash after it. The one
-- document_ledger_head row is locked by each append (SELECT ... FOR UPDATE): appends from any node queue behind it,
-- and the unique previous_hash makes a fork impossible even so.

CREATE TABLE document_ledger (
    seq              BIGINT       NOT NULL PRIMARY KEY,
    invoice_id       BIGINT       NOT NULL,
    invoice_number   VARCHAR(20)  NOT NULL,
    format           VARCHAR(8)   NOT NULL,
    document_sha256  VARCHAR(64)  NOT NULL,
    recorded_at      TIMESTAMP(6) NOT NULL,
    previous_hash    VARCHAR(64)  NOT NULL,
    entry_hash       VARCHAR(64)  NOT NULL,
    CONSTRAINT uq_document_ledger_previous UNIQUE (previous_hash),
    CONSTRAINT uq_document_ledger_entry UNIQUE (entry_hash)
);
CREATE INDEX ix_document_ledger_document ON document_ledger (document_sha256);

CREATE TABLE document_ledger_head (
    id         INT         NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO document_ledger_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
