-- WRONG_TYPE disputes: the invoice type (NORMAL | SPECIAL) the customer needs on the re-issue; null for other reasons.
-- Portable SQL for H2 and MySQL/MariaDB.
ALTER TABLE dispute ADD COLUMN wanted_invoice_type VARCHAR(16) NULL;
