-- Issue 17: the e-invoice platform's request rate and daily quota, shared by every node (Bucket4j buckets kept here).
CREATE TABLE platform_rate_bucket (
    id    VARCHAR(100)   NOT NULL PRIMARY KEY,
    state VARBINARY(2000) NULL
);
