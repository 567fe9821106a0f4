-- issue 18: checks of invoices we did not issue, through the verification provider (Tencent Cloud VatInvoiceVerifyNew).
-- One row per answer given: fetched from the provider (from_record = FALSE) or repeated from an earlier row within the
-- reuse window (TRUE). answer_sealed and raw_sealed hold the answer and the provider's raw JSON encrypted with the field
-- keyset (buyer tax IDs, addresses, bank accounts). query_fingerprint is the SHA-256 of every field asked, so an earlier
-- answer is only repeated to someone who asked with the very same facts.
CREATE TABLE foreign_check (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    checked_at        TIMESTAMP(6)  NOT NULL,
    check_day         DATE          NOT NULL,
    client_id         VARCHAR(120)  NOT NULL,
    user_id           VARCHAR(64)   NULL,
    provider          VARCHAR(20)   NOT NULL,
    invoice_key       VARCHAR(40)   NOT NULL,
    query_fingerprint VARCHAR(64)   NOT NULL,
    from_record       BOOLEAN       NOT NULL,
    result            VARCHAR(20)   NOT NULL,
    status            VARCHAR(30)   NULL,
    answer_sealed     TEXT          NOT NULL,
    raw_sealed        TEXT          NULL
);
CREATE INDEX ix_foreign_check_fingerprint ON foreign_check (query_fingerprint, from_record, checked_at);
CREATE INDEX ix_foreign_check_invoice ON foreign_check (invoice_key, checked_at);

-- The national limit of checks per invoice per day (China's day), counted across nodes: a conditional
-- UPDATE ... SET used = used + 1 WHERE used < limit is atomic on every node's database, so the fifth check on one node
-- and the fifth on another cannot both pass.
CREATE TABLE provider_check_quota (
    invoice_key VARCHAR(40) NOT NULL,
    check_day   DATE        NOT NULL,
    used        INT         NOT NULL,
    PRIMARY KEY (invoice_key, check_day)
);
