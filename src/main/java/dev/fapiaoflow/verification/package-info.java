/**
 * Verification (验票): anyone checks an invoice we issued by number, issue date and total including tax.
 * Other features and the pages use {@link dev.fapiaoflow.verification.VerificationService} and the records
 * and enums of this package; {@code internal} holds the record table, the abuse limits and the parsing.
 */
package dev.fapiaoflow.verification;
