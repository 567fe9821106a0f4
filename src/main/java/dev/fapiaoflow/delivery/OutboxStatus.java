package dev.fapiaoflow.delivery;

public enum OutboxStatus {
    /** being sent; a failure leaves it here with the error, and the engine retries */
    SENDING,
    /** no mail server is configured: kept for an administrator, never dropped */
    HELD,
    /** the SMTP server accepted it */
    SENT
}
