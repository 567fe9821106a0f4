package dev.fapiaoflow.request;

import java.time.Instant;
import java.util.List;

import dev.fapiaoflow.issuance.InvoiceSummary;
import dev.fapiaoflow.issuance.InvoiceType;

/** A request as its owner and the back office see it; {@code shipment} only once a paper invoice was posted. */
public record InvoiceRequestView(long id, RequestStatus status, String reason, InvoiceType invoiceType,
        Delivery delivery, List<String> orderNos, String totalAmount, Instant createdAt, List<InvoiceSummary> invoices,
        ShipmentView shipment) {

    /** posted, and the customer may confirm that it arrived */
    public boolean awaitingReceipt() {
        return shipment != null && !shipment.received();
    }
}
