-- Issue 10: issuing through a third-party e-invoice platform.
-- What the platform said about each of our serials (callback or query); an ISSUED answer is final.
CREATE TABLE platform_result (
    serial         VARCHAR(40)   NOT NULL PRIMARY KEY,
    status         VARCHAR(16)   NOT NULL,
    invoice_number VARCHAR(20)   NULL,
    pdf_url        VARCHAR(500)  NULL,
    ofd_url        VARCHAR(500)  NULL,
    total_amount   DECIMAL(14,2) NULL,
    issued_at      TIMESTAMP(6)  NULL,
    message        VARCHAR(500)  NULL,
    received_at    TIMESTAMP(6)  NOT NULL,
    version        BIGINT        NOT NULL
);
-- One row per invoice a request asked the platform for: our serial, the calls made today, and the invoice once stored.
CREATE TABLE platform_submission (
    serial       VARCHAR(40)  NOT NULL PRIMARY KEY,
    request_id   BIGINT       NOT NULL,
    part_no      INT          NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    invoice_id   BIGINT       NULL,
    attempts     INT          NOT NULL,
    attempt_day  DATE         NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    submitted_at TIMESTAMP(6) NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT uk_platform_submission_part UNIQUE (request_id, part_no),
    CONSTRAINT uk_platform_submission_invoice UNIQUE (invoice_id)
);
