package dev.fapiaoflow.issuance.internal;

import dev.fapiaoflow.issuance.InvoiceStatus;
import dev.fapiaoflow.shared.ConflictException;

/** An invoice was asked to move to a status its current status does not lead to (409 on the API). */
public class IllegalInvoiceTransition extends ConflictException {

    public IllegalInvoiceTransition(Long invoiceId, InvoiceStatus from, InvoiceStatus to) {
        super("invoice " + invoiceId + " cannot go from " + from + " to " + to);
    }
}
