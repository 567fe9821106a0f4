-- Verification (验票): every check made, never changed. No buyer data: only what was asked and answered.
-- checked_at is UTC; check_day is the day in Asia/Shanghai, the unit of the per-number mismatch lock.
-- client_id is "user:<id>" for logged-in callers, else "ip:<address>"; user_id is null for anonymous ones.

CREATE TABLE verification_record (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    checked_at     TIMESTAMP(6) NOT NULL,
    check_day      DATE         NOT NULL,
    client_id      VARCHAR(80)  NOT NULL,
    user_id        VARCHAR(64)  NULL,
    invoice_number VARCHAR(20)  NOT NULL,
    result         VARCHAR(16)  NOT NULL,
    status         VARCHAR(24)  NULL
);
-- the daily lock counts a number's mismatches of one day; verifiedCount counts its matching clients
CREATE INDEX ix_verification_number_day ON verification_record (invoice_number, check_day, result);
CREATE INDEX ix_verification_number_client ON verification_record (invoice_number, result, client_id);
CREATE INDEX ix_verification_user ON verification_record (user_id, checked_at);
