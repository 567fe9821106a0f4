-- Accounts an administrator locked. Camunda's identity store keeps the users, their bcrypt hashes and its own
-- lock after repeated failed logins; it has no lock an administrator can set, so that lives here.

CREATE TABLE account_lock (
    user_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    locked_by   VARCHAR(64)  NOT NULL,
    locked_at   TIMESTAMP(6) NOT NULL
);
