-- Which documents the invoice mail attaches: 'PDF', 'OFD' or 'PDF,OFD'; NULL (requests before this column, and
-- requests that did not say) means PDF, as before.
ALTER TABLE invoice_request ADD COLUMN attachment_formats VARCHAR(16) NULL;
