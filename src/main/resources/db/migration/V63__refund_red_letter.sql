-- Red-letter invoices for refunds of invoiced orders (issue 4, item 4). One row per refund the shop reports, keyed
-- by the order and the cumulative refunded amount it reported: a repeated message finds the row and raises
-- nothing, two concurrent ones collide on the key. Portable SQL for H2 and MySQL/MariaDB.
CREATE TABLE refund_red_letter (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_no            VARCHAR(64)   NOT NULL,
    refunded_total      DECIMAL(14,2) NOT NULL,
    amount              DECIMAL(14,2) NOT NULL,
    request_id          BIGINT        NOT NULL,
    status              VARCHAR(24)   NOT NULL,
    invoice_id          BIGINT        NULL,
    red_invoice_id      BIGINT        NULL,
    decided_by          VARCHAR(64)   NULL,
    refusal             VARCHAR(1000) NULL,
    process_instance_id VARCHAR(64)   NULL,
    created_at          TIMESTAMP(6)  NOT NULL,
    updated_at          TIMESTAMP(6)  NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT uk_refund_order_total UNIQUE (order_no, refunded_total)
);
CREATE INDEX ix_refund_request ON refund_red_letter (request_id);
