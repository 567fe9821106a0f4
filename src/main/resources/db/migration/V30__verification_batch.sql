-- Batch verification: a job per upload and its rows, so any node can carry on after a crash.
-- Rows are stored one per table row rather than as one LOB: chunks are then plain keyset queries,
-- each row's result is written next to it, and the DDL stays the same on H2 and MySQL/MariaDB.
-- owner is the uploading user's id; counters are committed with each chunk of rows.

CREATE TABLE verification_batch (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    owner               VARCHAR(64)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    total               INT          NOT NULL,
    done                INT          NOT NULL,
    matched             INT          NOT NULL,
    mismatched          INT          NOT NULL,
    not_found           INT          NOT NULL,
    errors              INT          NOT NULL,
    process_instance_id VARCHAR(64)  NULL,
    created_at          TIMESTAMP(6) NOT NULL,
    finished_at         TIMESTAMP(6) NULL,
    version             BIGINT       NOT NULL
);
CREATE INDEX ix_verification_batch_owner ON verification_batch (owner, created_at);

-- cells as uploaded (at most 100 characters, see UploadedRow); result null until the row is checked
CREATE TABLE verification_batch_row (
    batch_id       BIGINT       NOT NULL,
    line_no        INT          NOT NULL,
    invoice_number VARCHAR(100) NOT NULL,
    issue_date     VARCHAR(100) NOT NULL,
    total_amount   VARCHAR(100) NOT NULL,
    result         VARCHAR(16)  NULL,
    status         VARCHAR(24)  NULL,
    message        VARCHAR(300) NULL,
    PRIMARY KEY (batch_id, line_no),
    CONSTRAINT fk_batch_row_batch FOREIGN KEY (batch_id) REFERENCES verification_batch (id)
);
