/**
 * Disputes: a customer's complaint about an issued invoice, worked by customer service in the invoice-dispute
 * process (resend, correct by red-letter invoice and re-issue, void, reject, escalate), with a conversation thread;
 * and the red-letter invoices that refunds of invoiced orders need. Other features use
 * {@link dev.fapiaoflow.dispute.DisputeService}; {@code internal} is off limits to them.
 */
package dev.fapiaoflow.dispute;
