package dev.fapiaoflow.support;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test orders as the shop pushes them (JSON-ready maps). */
public final class Orders {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Orders() {
    }

    /** A fresh, unique order number, so tests sharing a database never collide. */
    public static String newOrderNo() {
        return "T-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    public static Map<String, Object> paidTrainingOrder(String customer, String orderNo, String price) {
        return order(customer, orderNo, "PAID", price, null, item("PY-101", "Python 入门课", "TRAINING", "1", price));
    }

    public static Map<String, Object> paidBookOrder(String customer, String orderNo, String price) {
        return order(customer, orderNo, "PAID", price, null, item("BK-007", "《利用 Python 进行数据分析》", "BOOK", "1", price));
    }

    public static Map<String, Object> refunded(Map<String, Object> order) {
        Map<String, Object> copy = new java.util.HashMap<>(order);
        copy.put("status", "REFUNDED");
        copy.put("refundedAmount", order.get("paidAmount"));
        return copy;
    }

    public static Map<String, Object> order(String customer, String orderNo, String status, String paid, String refunded,
            Map<String, Object> item) {
        Map<String, Object> order = new java.util.HashMap<>();
        order.put("orderNo", orderNo);
        order.put("customer", customer);
        order.put("paidAt", OffsetDateTime.parse("2026-11-02T10:15:00+08:00").toString());
        order.put("items", List.of(item));
        order.put("paidAmount", new BigDecimal(paid).toPlainString());
        order.put("status", status);
        if (refunded != null) {
            order.put("refundedAmount", refunded);
        }
        return order;
    }

    public static Map<String, Object> item(String sku, String name, String category, String quantity, String unitPrice) {
        return Map.of("sku", sku, "name", name, "category", category, "quantity", quantity, "unitPrice", unitPrice);
    }
}
