package dev.fapiaoflow.order;

import java.math.BigDecimal;

/** An item of a paid order with the amount that may be invoiced for it, tax included, refunds deducted. */
public record InvoiceableItem(String orderNo, String sku, String name, String category, BigDecimal quantity,
        BigDecimal grossAmount) {
}
