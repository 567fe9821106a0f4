-- Anomaly flags for finance, raised by verification checks (see README "Anomaly flags").
-- open_key is "<invoice_id>:<kind>" while the flag is open and NULL once acknowledged: its unique index allows one
-- open flag per invoice and kind (two nodes raising the same flag at once: the second insert fails and is dropped),
-- while acknowledged flags (NULL keys) may pile up. evidence: distinct parties, or mismatches in the window.

CREATE TABLE anomaly_flag (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    invoice_id      BIGINT        NOT NULL,
    invoice_number  VARCHAR(20)   NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    raised_at       TIMESTAMP(6)  NOT NULL,
    evidence        INT           NOT NULL,
    detail          VARCHAR(32)   NULL,
    open_key        VARCHAR(64)   NULL,
    acknowledged_at TIMESTAMP(6)  NULL,
    acknowledged_by VARCHAR(64)   NULL,
    note            VARCHAR(1000) NULL,
    CONSTRAINT uq_anomaly_flag_open UNIQUE (open_key)
);
CREATE INDEX ix_anomaly_flag_raised ON anomaly_flag (raised_at);
CREATE INDEX ix_anomaly_flag_invoice ON anomaly_flag (invoice_id, kind);
-- the burst rule counts a number's mismatches since a moment
CREATE INDEX ix_verification_number_result_time ON verification_record (invoice_number, result, checked_at);
