package dev.fapiaoflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as shown to its customer; {@code invoiceable} tells whether it can still be invoiced. */
public record OrderView(String orderNo, String customer, Instant paidAt, OrderStatus status, BigDecimal paidAmount,
        BigDecimal refundedAmount, BigDecimal invoiceableAmount, boolean invoiceable, List<Item> items) {

    public record Item(String sku, String name, String category, BigDecimal quantity, BigDecimal unitPrice) {
    }
}
