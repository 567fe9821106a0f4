-- Reports read invoices by issue day over months at a time (verification records by day and result: V72).
CREATE INDEX ix_invoice_issue_date ON invoice (issue_date);
