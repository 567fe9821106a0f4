package dev.fapiaoflow.issuance.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The next sequence value under one number prefix (YY + region + channel); only touched while locked. */
@Entity
@Table(name = "invoice_number_sequence")
class InvoiceNumberSequence {

    @Id
    private String prefix;
    private long nextValue;

    protected InvoiceNumberSequence() {
    }

    long take() {
        return nextValue++;
    }
}
