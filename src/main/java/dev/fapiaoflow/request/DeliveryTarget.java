package dev.fapiaoflow.request;

import java.util.List;

import dev.fapiaoflow.issuance.InvoiceType;

/** Where the invoice of a request goes; personal data, so never put into process variables. */
public record DeliveryTarget(long requestId, String customer, String email, String buyerTitle, InvoiceType invoiceType,
        Delivery delivery, List<String> attachmentFormats) {

    public DeliveryTarget {
        attachmentFormats = attachmentFormats == null ? List.of("PDF") : List.copyOf(attachmentFormats);
    }

    public DeliveryTarget(long requestId, String customer, String email, String buyerTitle, InvoiceType invoiceType,
            Delivery delivery) {
        this(requestId, customer, email, buyerTitle, invoiceType, delivery, null);
    }

    @Override
    public String toString() {
        return "DeliveryTarget[requestId=" + requestId + ", customer=" + customer + ", " + invoiceType + " by " + delivery
                + ", e-mail and title masked]";
    }
}
