-- Issue 10: webhooks out. Endpoints with their (encrypted) secrets, and a durable outbox of deliveries.
CREATE TABLE webhook_endpoint (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    url        VARCHAR(1000) NOT NULL,
    events     VARCHAR(500)  NOT NULL,
    secret     VARCHAR(1000) NOT NULL,
    created_by VARCHAR(64)   NOT NULL,
    created_at TIMESTAMP(6)  NOT NULL,
    active     BOOLEAN       NOT NULL
);
CREATE TABLE webhook_delivery (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    delivery_id   VARCHAR(36)   NOT NULL,
    endpoint_id   BIGINT        NOT NULL,
    event         VARCHAR(40)   NOT NULL,
    body          VARCHAR(4000) NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    attempts      INT           NOT NULL,
    next_attempt  TIMESTAMP(6)  NULL,
    last_status   INT           NULL,
    last_error    VARCHAR(500)  NULL,
    created_at    TIMESTAMP(6)  NOT NULL,
    delivered_at  TIMESTAMP(6)  NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT uk_webhook_delivery UNIQUE (delivery_id),
    CONSTRAINT fk_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt);
