-- The outbox keeps whole mail bodies: a character LOB, spelled differently per database.
CREATE TABLE mail_outbox (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id  BIGINT        NULL,
    recipient   VARCHAR(1000) NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    body_text   CLOB      NOT NULL,
    body_html   CLOB      NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    attempts    INT           NOT NULL,
    last_error  VARCHAR(500)  NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    sent_at     TIMESTAMP(6)  NULL,
    version     BIGINT        NOT NULL
);
CREATE INDEX ix_outbox_request ON mail_outbox (request_id);
