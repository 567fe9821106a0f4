-- Special-invoice review (issue 3): a blind index of the buyer's tax ID, so the review can count the accounts
-- that used the same credit code without decrypting; the buyer's details as they were before each customer
-- supplement, so the reviewer sees old and new; and a kind on outbox mails, so a held notice is never taken
-- for the invoice mail of the same request. Portable SQL for H2 and MySQL/MariaDB.
ALTER TABLE invoice_request ADD COLUMN buyer_tax_id_index VARCHAR(64) NULL;
CREATE INDEX ix_request_tax_id_index ON invoice_request (buyer_tax_id_index);

CREATE TABLE buyer_supplement (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id          BIGINT        NOT NULL,
    buyer_type          VARCHAR(16)   NOT NULL,
    buyer_title         VARCHAR(1000) NOT NULL,
    buyer_tax_id        VARCHAR(500)  NULL,
    buyer_address       VARCHAR(1000) NULL,
    buyer_phone         VARCHAR(500)  NULL,
    buyer_bank_name     VARCHAR(1000) NULL,
    buyer_bank_account  VARCHAR(500)  NULL,
    asked_for           VARCHAR(500)  NULL,
    supplied_at         TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_supplement_request FOREIGN KEY (request_id) REFERENCES invoice_request (id)
);
CREATE INDEX ix_supplement_request ON buyer_supplement (request_id);

ALTER TABLE mail_outbox ADD COLUMN kind VARCHAR(16) DEFAULT 'INVOICE' NOT NULL;
