/**
 * Ledger: a hash chain of every issued document's SHA-256 ({@link dev.fapiaoflow.ledger.DocumentLedger}), its entries
 * for verification, and the check that walks the chain ({@code GET /api/ledger/check}); {@code internal} is off limits.
 */
package dev.fapiaoflow.ledger;
