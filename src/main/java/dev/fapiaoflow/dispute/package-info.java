/**
 * Disputes: a customer's complaint about an issued invoice, worked by customer service in the invoice-dispute
 * process (resend, correct by red-letter invoice and re-issue, void, reject, escalate), with a conversation thread;
 * and the red-letter invoices that refunds of invoiced orders need. Other features use
 * {@link dev.fapiaoflow.dispute.DisputeDesk} (raise and read) and the events; {@code internal} is off limits to them.
 * <p>
 * One class per job: {@code DisputeDesk} raises and reads, {@code DisputeConversation} is the message thread,
 * {@code DisputeSteps} and {@code DisputeCorrections} are what the invoice-dispute process's delegates call
 * (resolving, and correcting by void or red-letter and re-issue).
 */
package dev.fapiaoflow.dispute;
