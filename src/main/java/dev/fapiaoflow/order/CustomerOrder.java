package dev.fapiaoflow.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A paid course order pushed by the shop. */
@Entity
@Table(name = "customer_order")
class CustomerOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "order_no", nullable = false, updatable = false)
    private String orderNo;

    private String customer;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    @Column(name = "paid_amount")
    private BigDecimal paidAmount;

    @Column(name = "refunded_amount")
    private BigDecimal refundedAmount;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "order_id", nullable = false)
    @OrderBy("lineNo")
    private List<OrderItem> items = new ArrayList<>();

    protected CustomerOrder() {
    }

    CustomerOrder(String orderNo, Instant now) {
        this.orderNo = orderNo;
        this.createdAt = now;
    }

    void replaceContent(OrderPush push, String contentHash, Instant now) {
        this.customer = push.customer();
        this.paidAt = push.paidAt().toInstant();
        this.status = push.status();
        this.paidAmount = push.paidAmount().setScale(2, RoundingMode.UNNECESSARY);
        this.refundedAmount = refundedOf(push);
        this.contentHash = contentHash;
        this.updatedAt = now;
        items.clear();
        int lineNo = 1;
        for (OrderPush.Item item : push.items()) {
            items.add(new OrderItem(lineNo++, item));
        }
    }

    static BigDecimal refundedOf(OrderPush push) {
        return switch (push.status()) {
            case PAID -> BigDecimal.ZERO.setScale(2);
            case REFUNDED -> push.paidAmount().setScale(2);
            case PARTIALLY_REFUNDED -> push.refundedAmount().setScale(2);
        };
    }

    /** What may still be invoiced: paid minus refunded. */
    BigDecimal invoiceableAmount() {
        return status == OrderStatus.REFUNDED ? BigDecimal.ZERO.setScale(2) : paidAmount.subtract(refundedAmount);
    }

    /**
     * The invoiceable amount spread over the items in proportion to their prices; the last item takes
     * the rounding remainder so that the lines add up to the invoiceable amount exactly.
     */
    List<InvoiceableItem> invoiceableItems() {
        BigDecimal invoiceable = invoiceableAmount();
        BigDecimal listTotal = items.stream().map(OrderItem::listAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<OrderItem> charged = items.stream().filter(i -> i.listAmount().signum() > 0).toList();
        List<InvoiceableItem> result = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < charged.size(); i++) {
            OrderItem item = charged.get(i);
            BigDecimal share = i == charged.size() - 1
                    ? invoiceable.subtract(allocated)
                    : invoiceable.multiply(item.listAmount()).divide(listTotal, 2, RoundingMode.HALF_UP);
            allocated = allocated.add(share);
            result.add(new InvoiceableItem(orderNo, item.sku(), item.name(), item.category(), item.quantity(), share));
        }
        return result;
    }

    String orderNo() {
        return orderNo;
    }

    String customer() {
        return customer;
    }

    OrderStatus status() {
        return status;
    }

    BigDecimal refundedAmount() {
        return refundedAmount;
    }

    String contentHash() {
        return contentHash;
    }

    OrderView toView(boolean claimed) {
        BigDecimal invoiceable = invoiceableAmount();
        return new OrderView(orderNo, customer, paidAt, status, paidAmount, refundedAmount, invoiceable,
                !claimed && invoiceable.signum() > 0,
                items.stream().map(OrderItem::toView).toList());
    }
}
