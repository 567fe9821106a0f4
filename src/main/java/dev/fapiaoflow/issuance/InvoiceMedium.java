package dev.fapiaoflow.issuance;

/**
 * What an invoice is printed on, which decides how the law lets it be corrected. The school issues fully digital
 * invoices (数电票) only: an {@link #ELECTRONIC} one (票种 pc/bs) is never voided, only reversed by a red-letter
 * invoice; a {@link #PAPER} one (数电纸质发票, 票种 ec/es, what a request delivered by post gets) may be voided while it
 * has not left the school, in its month of issue. The same in local and platform mode.
 */
public enum InvoiceMedium {
    ELECTRONIC,
    PAPER
}
