/**
 * The tamper-evident audit trail: who did what to which object, when and from where, append-only and hash-chained.
 * Features record through {@link dev.fapiaoflow.audit.AuditLog} or mark sensitive reads with
 * {@link dev.fapiaoflow.audit.AuditedRead}; state changes of the API, the pages and the engine are recorded without them.
 */
package dev.fapiaoflow.audit;
