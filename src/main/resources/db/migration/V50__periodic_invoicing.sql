-- Periodic invoicing (issue 3, item 5): who opted in (one subscription per customer; the e-mail is encrypted
-- by the application; no foreign key to buyer_profile, so a customer may still delete the title: the run then
-- skips them and says so in the log) and which periods have been invoiced. periodic_invoice_run is written in the same
-- transaction as the merged invoice request: its primary key (customer, period) makes a second run for the
-- same period (a retry, a second node, an operator starting a run by hand) fail and roll back instead of
-- creating a second request. Portable SQL for H2 and MySQL/MariaDB.
CREATE TABLE periodic_subscription (
    customer         VARCHAR(64)   NOT NULL PRIMARY KEY,
    frequency        VARCHAR(16)   NOT NULL,
    buyer_profile_id BIGINT        NOT NULL,
    email            VARCHAR(1000) NOT NULL,
    subscribed_at    TIMESTAMP(6)  NOT NULL,
    updated_at       TIMESTAMP(6)  NOT NULL,
    version          BIGINT        NOT NULL
);

CREATE TABLE periodic_invoice_run (
    customer   VARCHAR(64)  NOT NULL,
    period     VARCHAR(16)  NOT NULL,
    request_id BIGINT       NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT pk_periodic_invoice_run PRIMARY KEY (customer, period),
    CONSTRAINT fk_periodic_run_request FOREIGN KEY (request_id) REFERENCES invoice_request (id)
);
