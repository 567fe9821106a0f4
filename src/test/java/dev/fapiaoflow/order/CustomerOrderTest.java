package dev.fapiaoflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What of an order may be invoiced, and how that amount is spread over its items. */
class CustomerOrderTest {

    @Test
    void paidOrderInvoicesEachItemAtItsPrice() {
        CustomerOrder order = order(OrderStatus.PAID, null, item("A", "3", "33.33"), item("B", "1", "0.01"));

        assertThat(order.invoiceableAmount()).isEqualByComparingTo("100.00");
        assertThat(order.invoiceableItems()).extracting(InvoiceableItem::grossAmount)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("99.99"), new BigDecimal("0.01"));
    }

    @Test
    void partialRefundIsSpreadInProportionAndTheLinesAddUpExactly() {
        CustomerOrder order = order(OrderStatus.PARTIALLY_REFUNDED, "33.33", item("A", "1", "66.67"), item("B", "1", "33.33"),
                item("C", "1", "0.00"));

        List<InvoiceableItem> items = order.invoiceableItems();

        assertThat(order.invoiceableAmount()).isEqualByComparingTo("66.67");
        assertThat(items).as("a free item is not invoiced").hasSize(2);
        assertThat(items.get(0).grossAmount()).isEqualByComparingTo("44.45"); // 66.67 × 66.67 / 100.00
        assertThat(items.stream().map(InvoiceableItem::grossAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("66.67");
    }

    @Test
    void fullyRefundedOrderHasNothingToInvoice() {
        CustomerOrder order = order(OrderStatus.REFUNDED, null, item("A", "1", "50.00"));

        assertThat(order.invoiceableAmount()).isEqualByComparingTo("0.00");
        assertThat(order.toView(false).invoiceable()).isFalse();
    }

    @Test
    void claimedOrderIsNotOfferedForInvoicingAgain() {
        CustomerOrder order = order(OrderStatus.PAID, null, item("A", "1", "50.00"));

        assertThat(order.toView(false).invoiceable()).isTrue();
        assertThat(order.toView(true).invoiceable()).isFalse();
    }

    private static CustomerOrder order(OrderStatus status, String refunded, OrderPush.Item... items) {
        BigDecimal paid = List.of(items).stream().map(i -> i.quantity().multiply(i.unitPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        OrderPush push = new OrderPush("SO-1", "alice", OffsetDateTime.parse("2026-11-02T10:15:00+08:00"), List.of(items), paid,
                status, refunded == null ? null : new BigDecimal(refunded));
        CustomerOrder order = new CustomerOrder("SO-1", Instant.EPOCH);
        order.replaceContent(push, "hash", Instant.EPOCH);
        return order;
    }

    private static OrderPush.Item item(String sku, String quantity, String price) {
        return new OrderPush.Item(sku, "课程 " + sku, "TRAINING", new BigDecimal(quantity), new BigDecimal(price));
    }
}
