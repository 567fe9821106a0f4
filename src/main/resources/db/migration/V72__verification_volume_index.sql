-- reports count checks per Shanghai day and result over a date range
CREATE INDEX ix_verification_day_result ON verification_record (check_day, result);
