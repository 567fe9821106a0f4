-- issue 18: the incoming-invoice ledger (进项发票台账): invoices the school received, each checked through the
-- verification provider before it lands here. invoice_key (code-number, or the 数电 number) is unique: a second
-- submission of the same invoice (reimbursed twice?) only raises submissions and is answered as a duplicate at once.
-- The uploaded file, when there was one, is kept with its SHA-256.
CREATE TABLE incoming_invoice (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_key       VARCHAR(40)    NOT NULL,
    kind              VARCHAR(2)     NOT NULL,
    invoice_code      VARCHAR(12)    NULL,
    invoice_number    VARCHAR(20)    NOT NULL,
    issue_date        DATE           NOT NULL,
    seller_name       VARCHAR(200)   NULL,
    seller_tax_id     VARCHAR(30)    NULL,
    total_amount      VARCHAR(20)    NULL,
    status            VARCHAR(30)    NOT NULL,
    status_checked_at TIMESTAMP(6)   NOT NULL,
    registered_by     VARCHAR(64)    NOT NULL,
    registered_at     TIMESTAMP(6)   NOT NULL,
    submissions       INT            NOT NULL,
    last_submitted_by VARCHAR(64)    NOT NULL,
    file_format       VARCHAR(3)     NULL,
    file_sha256       VARCHAR(64)    NULL,
    file_content      LONGBLOB       NULL,
    CONSTRAINT uq_incoming_invoice_key UNIQUE (invoice_key)
);
CREATE INDEX ix_incoming_invoice_registered ON incoming_invoice (registered_at);
