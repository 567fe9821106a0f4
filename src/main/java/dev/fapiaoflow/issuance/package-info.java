/**
 * Issuance: turns a validated request into numbered, rendered invoices. Other features use
 * {@link dev.fapiaoflow.issuance.IssuanceService} and the records and enums of this package, and
 * implement {@link dev.fapiaoflow.issuance.InvoiceDraftSource}; {@code internal} is off limits to them.
 */
package dev.fapiaoflow.issuance;
