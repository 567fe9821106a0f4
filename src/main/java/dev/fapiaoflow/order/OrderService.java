package dev.fapiaoflow.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.shared.CustomerDirectory;
import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/** The order module's facade: orders pushed by the shop, and which of them may still be invoiced. */
@Service
public class OrderService {

    private final CustomerOrderRepository orders;
    private final OrderClaims claims;
    private final CustomerDirectory customers;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    OrderService(CustomerOrderRepository orders, OrderClaims claims, CustomerDirectory customers, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.orders = orders;
        this.claims = claims;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Upsert by order number; refuses to change an order that has been invoiced, except for a (further) refund,
     * which is published as {@link OrderRefunded} in this transaction so that the red-letter invoice it needs is
     * recorded together with the order, or not at all.
     */
    @Transactional
    public UpsertOutcome upsert(OrderPush push) {
        checkConsistent(push);
        String hash = contentHash(push);
        CustomerOrder order = orders.findByOrderNo(push.orderNo()).orElse(null);
        if (order != null && order.contentHash().equals(hash)) {
            return new UpsertOutcome(UpsertOutcome.Result.UNCHANGED, view(order));
        }
        if (order != null && isInvoiced(order.orderNo())) {
            return refundInvoiced(order, push, hash);
        }
        boolean created = order == null;
        if (created) {
            order = new CustomerOrder(push.orderNo(), clock.instant());
        }
        order.replaceContent(push, hash, clock.instant());
        orders.saveAndFlush(order);
        return new UpsertOutcome(created ? UpsertOutcome.Result.CREATED : UpsertOutcome.Result.UPDATED, view(order));
    }

    private UpsertOutcome refundInvoiced(CustomerOrder order, OrderPush push, String hash) {
        BigDecimal before = order.refundedAmount();
        BigDecimal after = CustomerOrder.refundedOf(push);
        boolean onlyRefundChanged = contentHash(push, order.status(), before).equals(order.contentHash());
        if (!onlyRefundChanged || after.compareTo(before) <= 0) {
            throw new ConflictException(Texts.of("order.alreadyInvoiced", push.orderNo()));
        }
        long requestId = claims.claimsOf(List.of(order.orderNo())).get(order.orderNo()).requestId();
        order.replaceContent(push, hash, clock.instant());
        orders.saveAndFlush(order);
        events.publishEvent(new OrderRefunded(order.orderNo(), order.customer(), requestId, before, after,
                push.status() == OrderStatus.REFUNDED));
        return new UpsertOutcome(UpsertOutcome.Result.UPDATED, view(order));
    }

    @Transactional(readOnly = true)
    public List<OrderView> ordersOf(String customer) {
        List<CustomerOrder> own = orders.findByCustomerOrderByPaidAtDesc(customer);
        Set<String> claimed = claims.claimsOf(own.stream().map(CustomerOrder::orderNo).toList()).keySet();
        return own.stream().map(o -> o.toView(claimed.contains(o.orderNo()))).toList();
    }

    @Transactional(readOnly = true)
    public List<OrderView> invoiceableOrdersOf(String customer) {
        return ordersOf(customer).stream().filter(OrderView::invoiceable).toList();
    }

    /**
     * The customer's orders paid in {@code [from, until)} that may still be invoiced (something left after refunds,
     * not claimed by a request), oldest payment first.
     */
    @Transactional(readOnly = true)
    public List<String> invoiceableOrderNosPaidBetween(String customer, Instant from, Instant until) {
        return ordersOf(customer).stream()
                .filter(OrderView::invoiceable)
                .filter(order -> !order.paidAt().isBefore(from) && order.paidAt().isBefore(until))
                .sorted(Comparator.comparing(OrderView::paidAt).thenComparing(OrderView::orderNo))
                .map(OrderView::orderNo)
                .toList();
    }

    /**
     * Why these orders cannot be invoiced for this customer: unknown or someone else's, or fully refunded.
     * Errors name the field {@code orderNos[i]}. An order claimed by another request is not a field error
     * but a conflict, raised by {@link #claim}.
     */
    @Transactional(readOnly = true)
    public List<FieldError> problemsForInvoicing(String customer, List<String> orderNos) {
        Map<String, CustomerOrder> found = orders.findByOrderNoIn(orderNos).stream()
                .collect(Collectors.toMap(CustomerOrder::orderNo, Function.identity()));
        List<FieldError> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < orderNos.size(); i++) {
            String orderNo = orderNos.get(i);
            String field = "orderNos[" + i + "]";
            CustomerOrder order = found.get(orderNo);
            if (!seen.add(orderNo)) {
                problems.add(new FieldError(field, Texts.of("order.duplicate", orderNo)));
            } else if (order == null || !order.customer().equals(customer)) {
                problems.add(new FieldError(field, Texts.of("order.unknown", orderNo)));
            } else if (order.invoiceableAmount().signum() <= 0) {
                problems.add(new FieldError(field, Texts.of("order.refunded", orderNo)));
            }
        }
        return problems;
    }

    /** Reserves the orders for a request; throws {@link ConflictException} if one is taken, even concurrently. */
    @Transactional
    public void claim(long requestId, Collection<String> orderNos) {
        claims.claim(requestId, orderNos, clock.instant());
    }

    /** A rejected or cancelled request frees its orders for a new request. */
    @Transactional
    public void release(long requestId) {
        claims.release(requestId);
    }

    @Transactional
    public void markInvoiced(long requestId) {
        claims.markInvoiced(requestId);
    }

    /** Items of the given orders, with the invoiceable amount allocated to them. */
    @Transactional(readOnly = true)
    public List<InvoiceableItem> invoiceableItems(List<String> orderNos) {
        Map<String, CustomerOrder> found = orders.findByOrderNoIn(orderNos).stream()
                .collect(Collectors.toMap(CustomerOrder::orderNo, Function.identity()));
        return orderNos.stream().map(found::get).flatMap(o -> o.invoiceableItems().stream()).toList();
    }

    /** Sum of what may still be invoiced on these orders. */
    @Transactional(readOnly = true)
    public BigDecimal invoiceableAmount(List<String> orderNos) {
        return orders.findByOrderNoIn(orderNos).stream().map(CustomerOrder::invoiceableAmount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private boolean isInvoiced(String orderNo) {
        OrderClaims.Claim claim = claims.claimsOf(List.of(orderNo)).get(orderNo);
        return claim != null && claim.state() == OrderClaims.State.INVOICED;
    }

    private OrderView view(CustomerOrder order) {
        return order.toView(!claims.claimsOf(List.of(order.orderNo())).isEmpty());
    }

    private void checkConsistent(OrderPush push) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal itemsTotal = push.items().stream()
                .map(i -> i.quantity().multiply(i.unitPrice()).setScale(2, RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (itemsTotal.compareTo(push.paidAmount()) != 0) {
            errors.add(new FieldError("paidAmount", Texts.of("order.paidAmount.mismatch", push.paidAmount(), itemsTotal)));
        }
        BigDecimal refunded = push.refundedAmount();
        switch (push.status()) {
            case PARTIALLY_REFUNDED -> {
                if (refunded == null || refunded.signum() <= 0 || refunded.compareTo(push.paidAmount()) >= 0) {
                    errors.add(new FieldError("refundedAmount", Texts.of("order.refund.partial")));
                }
            }
            case REFUNDED -> {
                if (refunded != null && refunded.compareTo(push.paidAmount()) != 0) {
                    errors.add(new FieldError("refundedAmount", Texts.of("order.refund.full")));
                }
            }
            case PAID -> {
                if (refunded != null && refunded.signum() != 0) {
                    errors.add(new FieldError("refundedAmount", Texts.of("order.refund.none")));
                }
            }
        }
        if (!customers.mayReceiveOrders(push.customer())) {
            errors.add(new FieldError("customer", Texts.of("order.customer.unknown", push.customer())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String contentHash(OrderPush push) {
        return contentHash(push, push.status(), CustomerOrder.refundedOf(push));
    }

    /** the hash of the push as if it had this status and refund: equal to an order's hash when nothing else differs */
    private static String contentHash(OrderPush push, OrderStatus status, BigDecimal refunded) {
        StringBuilder canonical = new StringBuilder()
                .append(push.customer()).append('|').append(push.paidAt().toInstant()).append('|')
                .append(status).append('|').append(push.paidAmount().setScale(2)).append('|')
                .append(refunded);
        for (OrderPush.Item item : push.items()) {
            canonical.append('|').append(item.sku()).append(';').append(item.name()).append(';').append(item.category())
                    .append(';').append(item.quantity().stripTrailingZeros().toPlainString())
                    .append(';').append(item.unitPrice().setScale(2));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
