-- One schema for H2 and MySQL/MariaDB. Sensitive columns hold Tink AEAD ciphertext (Base64).
-- Times are UTC. Money is DECIMAL with 2 places.

CREATE TABLE customer_order (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_no        VARCHAR(64)   NOT NULL,
    customer        VARCHAR(64)   NOT NULL,
    paid_at         TIMESTAMP(6)  NULL,
    status          VARCHAR(32)   NOT NULL,
    paid_amount     DECIMAL(14,2) NOT NULL,
    refunded_amount DECIMAL(14,2) NOT NULL,
    content_hash    VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP(6)  NOT NULL,
    updated_at      TIMESTAMP(6)  NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT uk_order_no UNIQUE (order_no)
);
CREATE INDEX ix_order_customer ON customer_order (customer);

CREATE TABLE order_item (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id   BIGINT        NOT NULL,
    line_no    INT           NOT NULL,
    sku        VARCHAR(64)   NOT NULL,
    name       VARCHAR(200)  NOT NULL,
    category   VARCHAR(32)   NOT NULL,
    quantity   DECIMAL(12,2) NOT NULL,
    unit_price DECIMAL(14,2) NOT NULL,
    CONSTRAINT fk_item_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
);

-- An order is invoiced, or being invoiced, by at most one request: the primary key enforces it
-- even when two requests arrive at the same moment on two nodes.
CREATE TABLE order_claim (
    order_no   VARCHAR(64)  NOT NULL PRIMARY KEY,
    request_id BIGINT       NOT NULL,
    state      VARCHAR(16)  NOT NULL,
    claimed_at TIMESTAMP(6) NOT NULL
);
CREATE INDEX ix_claim_request ON order_claim (request_id);

CREATE TABLE buyer_profile (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    owner         VARCHAR(64)   NOT NULL,
    buyer_type    VARCHAR(16)   NOT NULL,
    title         VARCHAR(1000) NOT NULL,
    tax_id        VARCHAR(500)  NULL,
    address       VARCHAR(1000) NULL,
    phone         VARCHAR(500)  NULL,
    bank_name     VARCHAR(1000) NULL,
    bank_account  VARCHAR(500)  NULL,
    email         VARCHAR(1000) NULL,
    taxpayer_kind VARCHAR(16)   NULL,
    created_at    TIMESTAMP(6)  NOT NULL
);
CREATE INDEX ix_buyer_profile_owner ON buyer_profile (owner);

CREATE TABLE invoice_request (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer            VARCHAR(64)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    invoice_type        VARCHAR(16)   NOT NULL,
    delivery            VARCHAR(16)   NOT NULL,
    email               VARCHAR(1000) NULL,
    buyer_type          VARCHAR(16)   NOT NULL,
    buyer_title         VARCHAR(1000) NOT NULL,
    buyer_tax_id        VARCHAR(500)  NULL,
    buyer_address       VARCHAR(1000) NULL,
    buyer_phone         VARCHAR(500)  NULL,
    buyer_bank_name     VARCHAR(1000) NULL,
    buyer_bank_account  VARCHAR(500)  NULL,
    buyer_email         VARCHAR(1000) NULL,
    taxpayer_kind       VARCHAR(16)   NULL,
    postal_recipient    VARCHAR(1000) NULL,
    postal_phone        VARCHAR(500)  NULL,
    postal_address      VARCHAR(1000) NULL,
    total_amount        DECIMAL(14,2) NOT NULL,
    reason              VARCHAR(500)  NULL,
    process_instance_id VARCHAR(64)   NULL,
    created_at          TIMESTAMP(6)  NOT NULL,
    updated_at          TIMESTAMP(6)  NOT NULL,
    version             BIGINT        NOT NULL
);
CREATE INDEX ix_request_customer ON invoice_request (customer);

CREATE TABLE invoice_request_order (
    request_id BIGINT      NOT NULL,
    order_no   VARCHAR(64) NOT NULL,
    PRIMARY KEY (request_id, order_no),
    CONSTRAINT fk_request_order FOREIGN KEY (request_id) REFERENCES invoice_request (id)
);

CREATE TABLE idempotency_record (
    customer   VARCHAR(64)  NOT NULL,
    idem_key   VARCHAR(128) NOT NULL,
    request_id BIGINT       NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (customer, idem_key)
);

CREATE TABLE invoice (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    number              VARCHAR(20)   NOT NULL,
    request_id          BIGINT        NULL,
    owner               VARCHAR(64)   NOT NULL,
    kind                VARCHAR(8)    NOT NULL,
    type                VARCHAR(16)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    issue_date          DATE          NOT NULL,
    issued_at           TIMESTAMP(6)  NOT NULL,
    buyer_type          VARCHAR(16)   NOT NULL,
    buyer_title         VARCHAR(1000) NOT NULL,
    buyer_tax_id        VARCHAR(500)  NULL,
    buyer_address       VARCHAR(1000) NULL,
    buyer_phone         VARCHAR(500)  NULL,
    buyer_bank_name     VARCHAR(1000) NULL,
    buyer_bank_account  VARCHAR(500)  NULL,
    seller_name         VARCHAR(200)  NOT NULL,
    seller_tax_id       VARCHAR(32)   NOT NULL,
    seller_address      VARCHAR(300)  NULL,
    seller_bank         VARCHAR(300)  NULL,
    net_amount          DECIMAL(14,2) NOT NULL,
    tax_amount          DECIMAL(14,2) NOT NULL,
    total_amount        DECIMAL(14,2) NOT NULL,
    remarks             VARCHAR(500)  NULL,
    issuer              VARCHAR(64)   NOT NULL,
    original_invoice_id BIGINT        NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT uk_invoice_number UNIQUE (number)
);
CREATE INDEX ix_invoice_owner ON invoice (owner);
CREATE INDEX ix_invoice_request ON invoice (request_id);

CREATE TABLE invoice_line (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id  BIGINT        NOT NULL,
    line_no     INT           NOT NULL,
    item_name   VARCHAR(200)  NOT NULL,
    tax_code    VARCHAR(19)   NOT NULL,
    unit        VARCHAR(16)   NULL,
    quantity    DECIMAL(12,2) NOT NULL,
    unit_price  DECIMAL(20,8) NOT NULL,
    net_amount  DECIMAL(14,2) NOT NULL,
    tax_rate    DECIMAL(5,4)  NOT NULL,
    tax_amount  DECIMAL(14,2) NOT NULL,
    CONSTRAINT fk_line_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);

CREATE TABLE invoice_status_change (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id BIGINT       NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    changed_at TIMESTAMP(6) NOT NULL,
    actor      VARCHAR(64)  NOT NULL,
    note       VARCHAR(500) NULL,
    CONSTRAINT fk_status_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);

CREATE TABLE invoice_document (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id BIGINT       NOT NULL,
    format     VARCHAR(8)   NOT NULL,
    content    LONGBLOB     NOT NULL,
    sha256     VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_document UNIQUE (invoice_id, format),
    CONSTRAINT fk_document_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id)
);

-- Gap-free numbering: one row per number prefix (YY + region + channel), locked while a number is
-- taken, in the same transaction that stores the invoice; a rollback gives the number back.
CREATE TABLE invoice_number_sequence (
    prefix     VARCHAR(5) NOT NULL PRIMARY KEY,
    next_value BIGINT     NOT NULL
);
