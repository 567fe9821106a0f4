-- Maintenance windows an administrator announces: the status page lists them, every page shows a banner while one
-- is on, and the public verification API answers 503 with Retry-After until it ends (dev.fapiaoflow.status).
CREATE TABLE maintenance_window (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    starts_at   TIMESTAMP(6)  NOT NULL,
    ends_at     TIMESTAMP(6)  NOT NULL,
    message     VARCHAR(500)  NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL
);

CREATE INDEX maintenance_window_ends ON maintenance_window (ends_at);
