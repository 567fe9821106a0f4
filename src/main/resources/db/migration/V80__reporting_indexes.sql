-- Reports read invoices by issue day and verification records by day and result, over months at a time.
CREATE INDEX ix_invoice_issue_date ON invoice (issue_date);
CREATE INDEX ix_verification_day_result ON verification_record (check_day, result);
