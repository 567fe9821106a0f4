package dev.fapiaoflow.request;

import dev.fapiaoflow.issuance.InvoiceType;

/** Where the invoice of a request goes; personal data, so never put into process variables. */
public record DeliveryTarget(long requestId, String customer, String email, String buyerTitle, InvoiceType invoiceType,
        Delivery delivery) {

    @Override
    public String toString() {
        return "DeliveryTarget[requestId=" + requestId + ", customer=" + customer + ", " + invoiceType + " by " + delivery
                + ", e-mail and title masked]";
    }
}
