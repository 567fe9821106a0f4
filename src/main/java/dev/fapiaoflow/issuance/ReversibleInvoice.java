package dev.fapiaoflow.issuance;

import java.math.BigDecimal;

/** A blue invoice that still stands, and how much of it (tax included) is not yet reversed by red-letter invoices. */
public record ReversibleInvoice(long id, String number, BigDecimal total, BigDecimal remaining) {
}
