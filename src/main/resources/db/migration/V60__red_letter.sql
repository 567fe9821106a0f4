-- Red-letter invoices and corrections (issue 4). A red-letter invoice already links its original through
-- invoice.original_invoice_id; it also keeps the tax bureau's reason code. A re-issued invoice links the
-- invoice it corrects; the unique key makes a repeated re-issue step find the first one instead of issuing twice.
-- Portable SQL for H2 and MySQL/MariaDB (the column changes that differ live in db/vendor, V61).
ALTER TABLE invoice ADD COLUMN red_reason VARCHAR(2) NULL;
ALTER TABLE invoice ADD COLUMN replaces_invoice_id BIGINT NULL;
CREATE INDEX ix_invoice_original ON invoice (original_invoice_id);
CREATE UNIQUE INDEX uk_invoice_replaces ON invoice (replaces_invoice_id);
