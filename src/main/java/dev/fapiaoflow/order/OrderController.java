package dev.fapiaoflow.order;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderService orderService;

    OrderController(OrderService orderService) {
        this.orderService = orderService;
    }

    /** The shop's push: 201 new, 200 same or updated, 409 when an invoiced order would change. */
    @PostMapping
    @PreAuthorize("hasAuthority('shop')")
    ResponseEntity<OrderView> push(@Valid @RequestBody OrderPush push) {
        UpsertOutcome outcome = orderService.upsert(push);
        if (outcome.result() == UpsertOutcome.Result.CREATED) {
            return ResponseEntity.created(URI.create("/api/orders/" + push.orderNo())).body(outcome.order());
        }
        return ResponseEntity.status(HttpStatus.OK).body(outcome.order());
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customer')")
    List<OrderView> ownOrders(@RequestParam(defaultValue = "false") boolean invoiceable, Authentication user) {
        return invoiceable ? orderService.invoiceableOrdersOf(user.getName()) : orderService.ordersOf(user.getName());
    }
}
