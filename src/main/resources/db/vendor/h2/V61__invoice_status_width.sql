-- PARTIALLY_RED_FLUSHED is longer than 16 characters; a partly reversed line has no quantity or unit price.
ALTER TABLE invoice ALTER COLUMN status SET DATA TYPE VARCHAR(24);
ALTER TABLE invoice_status_change ALTER COLUMN status SET DATA TYPE VARCHAR(24);
ALTER TABLE invoice_line ALTER COLUMN quantity SET NULL;
ALTER TABLE invoice_line ALTER COLUMN unit_price SET NULL;
