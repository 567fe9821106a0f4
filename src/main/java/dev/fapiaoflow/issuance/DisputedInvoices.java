package dev.fapiaoflow.issuance;

import java.util.Set;

/**
 * Which invoices customers have disputed (open or closed), for the read rule of customer service: it sees the
 * invoices of the disputes it handles, and the red-letter and re-issued invoices their corrections produced.
 * Implemented by the dispute feature, which owns disputes and depends on issuance, hence this interface.
 */
public interface DisputedInvoices {

    Set<Long> disputedInvoiceIds();
}
