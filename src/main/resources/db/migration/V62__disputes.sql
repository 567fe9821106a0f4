-- Disputes (issue 4): a customer's complaint about one issued invoice, its conversation and its outcome.
-- open_invoice_id equals invoice_id while the dispute is open and is NULL once it is closed: the unique key
-- allows one open dispute per invoice (NULLs do not collide, on H2 nor on MySQL/MariaDB) and any number of
-- closed ones, so two concurrent submissions cannot both open one. The corrected buyer (the original with the
-- customer's changes) and every text the customer wrote are encrypted like the buyer columns elsewhere.
CREATE TABLE dispute (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id           BIGINT        NOT NULL,
    open_invoice_id      BIGINT        NULL,
    customer             VARCHAR(64)   NOT NULL,
    reason               VARCHAR(16)   NOT NULL,
    description          VARCHAR(3000) NOT NULL,
    buyer_type           VARCHAR(16)   NULL,
    buyer_title          VARCHAR(1000) NULL,
    buyer_tax_id         VARCHAR(500)  NULL,
    buyer_address        VARCHAR(1000) NULL,
    buyer_phone          VARCHAR(500)  NULL,
    buyer_bank_name      VARCHAR(1000) NULL,
    buyer_bank_account   VARCHAR(500)  NULL,
    status               VARCHAR(16)   NOT NULL,
    recommendation       VARCHAR(16)   NULL,
    recommendation_note  VARCHAR(500)  NULL,
    outcome              VARCHAR(24)   NULL,
    outcome_comment      VARCHAR(3000) NULL,
    red_invoice_id       BIGINT        NULL,
    reissued_invoice_id  BIGINT        NULL,
    process_instance_id  VARCHAR(64)   NULL,
    created_at           TIMESTAMP(6)  NOT NULL,
    due_at               TIMESTAMP(6)  NOT NULL,
    updated_at           TIMESTAMP(6)  NOT NULL,
    version              BIGINT        NOT NULL,
    CONSTRAINT uk_dispute_open_invoice UNIQUE (open_invoice_id),
    CONSTRAINT fk_dispute_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);
CREATE INDEX ix_dispute_customer ON dispute (customer);
CREATE INDEX ix_dispute_invoice ON dispute (invoice_id);

CREATE TABLE dispute_message (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    dispute_id  BIGINT        NOT NULL,
    author      VARCHAR(64)   NOT NULL,
    from_customer BOOLEAN     NOT NULL,
    text        VARCHAR(6000) NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_message_dispute FOREIGN KEY (dispute_id) REFERENCES dispute (id)
);
CREATE INDEX ix_message_dispute ON dispute_message (dispute_id);
