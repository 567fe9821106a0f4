-- issue 18: the scheduled re-check of the incoming-invoice ledger (bpmn/incoming-invoice-recheck.bpmn).
-- What the national rules ask to check an old-style invoice again: its amount excluding tax (special invoices) and
-- the last six digits of its check code (ordinary invoices, sealed with the field keyset: it is what proves one holds
-- the invoice). review_pending marks an entry whose status changed and waits for finance's decision: it is not
-- re-checked again meanwhile. The decision of the latest review is kept with the entry.
ALTER TABLE incoming_invoice ADD COLUMN amount_excluding_tax VARCHAR(20) NULL;
ALTER TABLE incoming_invoice ADD COLUMN check_code_sealed TEXT NULL;
ALTER TABLE incoming_invoice ADD COLUMN review_pending BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE incoming_invoice ADD COLUMN review_decision VARCHAR(20) NULL;
ALTER TABLE incoming_invoice ADD COLUMN reviewed_by VARCHAR(64) NULL;
ALTER TABLE incoming_invoice ADD COLUMN reviewed_at TIMESTAMP(6) NULL;
CREATE INDEX ix_incoming_invoice_recheck ON incoming_invoice (review_pending, status_checked_at);

-- The status history of each entry: registered, re-checked (with the status before when it changed), reviewed.
CREATE TABLE incoming_invoice_event (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id      BIGINT        NOT NULL,
    occurred_at     TIMESTAMP(6)  NOT NULL,
    event           VARCHAR(20)   NOT NULL,
    status          VARCHAR(30)   NULL,
    previous_status VARCHAR(30)   NULL,
    decision        VARCHAR(20)   NULL,
    note            VARCHAR(500)  NULL,
    actor           VARCHAR(64)   NULL,
    CONSTRAINT fk_incoming_invoice_event FOREIGN KEY (invoice_id) REFERENCES incoming_invoice (id)
);
CREATE INDEX ix_incoming_invoice_event ON incoming_invoice_event (invoice_id, occurred_at);
INSERT INTO incoming_invoice_event (invoice_id, occurred_at, event, status, actor)
    SELECT id, registered_at, 'REGISTERED', status, registered_by FROM incoming_invoice;
