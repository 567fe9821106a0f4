package dev.fapiaoflow.web;

import java.util.List;
import java.util.Locale;

import dev.fapiaoflow.order.OrderView;

/**
 * One page of a customer's orders. A customer has hundreds at most, so the filter runs over the list in memory;
 * {@code selectedElsewhere} are the picked orders not on this page, kept in the form so paging loses no pick.
 */
public record OrderPage(List<OrderView> rows, int page, int pages, int matching, int invoiceableCount,
        List<OrderView> selectedElsewhere) {

    static OrderPage of(List<OrderView> orders, OrderFilter filter, List<String> selected) {
        String q = filter.getQ().toLowerCase(Locale.ROOT);
        List<OrderView> matching = orders.stream()
                .filter(order -> filter.isAll() || order.invoiceable())
                .filter(order -> q.isEmpty() || order.orderNo().toLowerCase(Locale.ROOT).contains(q)
                        || order.items().stream().anyMatch(item -> item.name().toLowerCase(Locale.ROOT).contains(q)))
                .toList();
        int pages = Math.max(1, (matching.size() + OrderFilter.PAGE_SIZE - 1) / OrderFilter.PAGE_SIZE);
        int page = Math.min(filter.getPage(), pages);
        List<OrderView> rows = matching.subList((page - 1) * OrderFilter.PAGE_SIZE,
                Math.min(matching.size(), page * OrderFilter.PAGE_SIZE));
        List<OrderView> elsewhere = orders.stream()
                .filter(order -> order.invoiceable() && selected.contains(order.orderNo()) && !rows.contains(order))
                .toList();
        return new OrderPage(rows, page, pages, matching.size(),
                (int) orders.stream().filter(OrderView::invoiceable).count(), elsewhere);
    }
}
