package dev.fapiaoflow.verification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.fapiaoflow.issuance.VerifiableInvoice;

/** One well-formed check: what the verifier read off the invoice. */
public record Check(String number, LocalDate issueDate, BigDecimal totalAmount) {

    /** Same issue date and the same total including tax; amounts by value, so "1999" matches "1999.00". */
    public boolean matches(VerifiableInvoice invoice) {
        return invoice.number().equals(number) && invoice.issueDate().equals(issueDate)
                && invoice.totalAmount().compareTo(totalAmount) == 0;
    }
}
