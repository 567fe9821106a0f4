-- PARTIALLY_RED_FLUSHED is longer than 16 characters; a partly reversed line has no quantity or unit price.
ALTER TABLE invoice MODIFY status VARCHAR(24) NOT NULL;
ALTER TABLE invoice_status_change MODIFY status VARCHAR(24) NOT NULL;
ALTER TABLE invoice_line MODIFY quantity DECIMAL(12,2) NULL, MODIFY unit_price DECIMAL(20,8) NULL;
