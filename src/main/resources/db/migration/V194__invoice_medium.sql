-- What each invoice is printed on and its 数电 invoice kind as the platform codes it (invoiceLine: pc 数电普票,
-- bs 数电专票, ec/es 数电纸质发票 普/专), recorded in both modes so voiding and red-letter follow the invoice's kind
-- (docs/operations.md, "Voiding or red-letter"). Portable SQL for H2 and MariaDB.
ALTER TABLE invoice ADD COLUMN medium VARCHAR(16) DEFAULT 'ELECTRONIC' NOT NULL;
ALTER TABLE invoice ADD COLUMN invoice_line VARCHAR(2) DEFAULT 'pc' NOT NULL;

-- A request delivered by post was issued on paper; its re-issue (a dispute's correction) was mailed, so electronic.
UPDATE invoice SET medium = 'PAPER'
 WHERE kind = 'BLUE' AND replaces_invoice_id IS NULL
   AND request_id IN (SELECT r.id FROM invoice_request r WHERE r.delivery = 'POST');
-- A red-letter invoice is of its blue invoice's kind (saveInvoiceRedConfirm: blueInvoiceLine). The paper blue ids go
-- through a table of their own: MySQL refuses an UPDATE whose subquery reads the table it updates (error 1093).
CREATE TABLE v194_paper_blue AS SELECT id FROM invoice WHERE medium = 'PAPER';
UPDATE invoice SET medium = 'PAPER'
 WHERE kind = 'RED' AND original_invoice_id IN (SELECT id FROM v194_paper_blue);
DROP TABLE v194_paper_blue;

UPDATE invoice SET invoice_line = CASE
    WHEN medium = 'PAPER' AND type = 'SPECIAL' THEN 'es'
    WHEN medium = 'PAPER' THEN 'ec'
    WHEN type = 'SPECIAL' THEN 'bs'
    ELSE 'pc' END;
