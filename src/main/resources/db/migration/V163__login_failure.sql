-- Issue 16: failed logins, kept in the shared database so every node throttles alike. One row per account and client
-- address (back-off for that address only) and one per account with client '*' (the bounded account-wide lock).
-- Camunda's own lockout (ACT_ID_USER.ATTEMPTS_) no longer locks anyone: a stranger could make it permanent.

CREATE TABLE login_failure (
    user_id          VARCHAR(64)  NOT NULL,
    client           VARCHAR(64)  NOT NULL,
    failures         INT          NOT NULL,
    last_failure_at  TIMESTAMP(6) NOT NULL,
    blocked_until    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (user_id, client)
);

CREATE INDEX login_failure_last ON login_failure (last_failure_at);
