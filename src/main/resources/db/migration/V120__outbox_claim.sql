-- One sender at a time per outbox mail: a job run on two nodes at once (its lock expired on a node that was too slow)
-- must not hand the same mail to the SMTP server twice. Claimed in a transaction of its own before sending.
ALTER TABLE mail_outbox ADD COLUMN claimed_until TIMESTAMP(6) NULL;
