/**
 * Accounting: the daily voucher feed (记账凭证) for the finance software, built from issuance's
 * {@link dev.fapiaoflow.issuance.InvoiceLedger}. JSON, CSV and XLSX; each voucher and each day balances.
 */
package dev.fapiaoflow.accounting;
