-- Paper special invoices (issue 3, item 3): the courier and tracking number finance records when posting, and
-- when the customer received it (confirmed, or assumed after the receipt timeout). One row per request; the
-- postal address stays encrypted on invoice_request. Plus a marker table so a one-off start-up step (the
-- Camunda Tasklist filters) runs once even when several nodes start together. Portable SQL for H2 and MySQL/MariaDB.
CREATE TABLE invoice_shipment (
    request_id      BIGINT       NOT NULL PRIMARY KEY,
    courier         VARCHAR(16)  NOT NULL,
    tracking_number VARCHAR(30)  NOT NULL,
    posted_at       TIMESTAMP(6) NOT NULL,
    posted_by       VARCHAR(64)  NOT NULL,
    received_at     TIMESTAMP(6) NULL,
    receipt         VARCHAR(32)  NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT fk_shipment_request FOREIGN KEY (request_id) REFERENCES invoice_request (id)
);

CREATE TABLE startup_step (
    name    VARCHAR(64)  NOT NULL PRIMARY KEY,
    done_at TIMESTAMP(6) NOT NULL
);
