-- API keys of enterprise verifiers. The key itself is never stored: key_hash is the hex SHA-256 of the whole
-- token (192 random bits, so a fast hash is enough), prefix its first characters, shown to tell keys apart.

CREATE TABLE api_key (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id     VARCHAR(64)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    prefix      VARCHAR(16)  NOT NULL,
    key_hash    VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    revoked_at  TIMESTAMP(6) NULL,
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash)
);
CREATE INDEX ix_api_key_user ON api_key (user_id, created_at);
