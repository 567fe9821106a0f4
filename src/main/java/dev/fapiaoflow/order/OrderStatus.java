package dev.fapiaoflow.order;

public enum OrderStatus {
    PAID, REFUNDED, PARTIALLY_REFUNDED
}
