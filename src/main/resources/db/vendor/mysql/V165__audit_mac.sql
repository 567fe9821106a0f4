-- Issue 16: audit entries are chained with a keyed MAC (HMAC-SHA256 under the audit keyset, kept outside the
-- database), stored as "mac:" + hex of Tink's tag (key id + 32 bytes): longer than the 64 hex digits of SHA-256.
-- Entries chained before keep their SHA-256 hashes and still verify; the application continues such a chain with a
-- marker entry ("AUDIT CHAIN KEYED"), the first keyed one, which links to the last plain hash.
ALTER TABLE audit_entry MODIFY prev_hash VARCHAR(100) NOT NULL, MODIFY hash VARCHAR(100) NOT NULL;
ALTER TABLE audit_chain_head MODIFY last_hash VARCHAR(100) NOT NULL;
