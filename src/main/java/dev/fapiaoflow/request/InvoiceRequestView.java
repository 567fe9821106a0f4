package dev.fapiaoflow.request;

import java.time.Instant;
import java.util.List;

import dev.fapiaoflow.issuance.InvoiceSummary;
import dev.fapiaoflow.issuance.InvoiceType;

/** A request as its owner and the back office see it. */
public record InvoiceRequestView(long id, RequestStatus status, String reason, InvoiceType invoiceType,
        Delivery delivery, List<String> orderNos, String totalAmount, Instant createdAt, List<InvoiceSummary> invoices) {
}
