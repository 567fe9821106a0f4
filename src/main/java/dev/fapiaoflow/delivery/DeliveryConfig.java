package dev.fapiaoflow.delivery;

/** The delivery model's time limits as it reads them ({@code ${deliveryConfig.receiptTimeout}}). */
public class DeliveryConfig {

    private final String receiptTimeout;

    public DeliveryConfig(String receiptTimeout) {
        this.receiptTimeout = receiptTimeout;
    }

    /** ISO-8601 duration after posting at which the invoice counts as received, e.g. P10D */
    public String getReceiptTimeout() {
        return receiptTimeout;
    }
}
