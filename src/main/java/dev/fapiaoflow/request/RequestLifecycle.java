package dev.fapiaoflow.request;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.issuance.DraftLine;
import dev.fapiaoflow.issuance.InvoiceDraft;
import dev.fapiaoflow.issuance.InvoiceDraftSource;
import dev.fapiaoflow.order.OrderService;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/** What the invoice-request process does to a request, step by step. */
@Service
class RequestLifecycle implements InvoiceDraftSource {

    /** The decision inputs the process needs; no personal data. */
    record RoutingFacts(String invoiceType, String buyerType, String taxpayerKind, long totalAmountFen, String delivery) {
    }

    /** The request no longer qualifies; the message is shown to the customer. */
    static class NoLongerValid extends Exception {
        NoLongerValid(String reason) {
            super(reason);
        }
    }

    // the repository, not InvoiceRequestService: that one reads invoices from issuance, which asks us for drafts
    private final InvoiceRequestRepository requests;
    private final OrderService orders;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    RequestLifecycle(InvoiceRequestRepository requests, OrderService orders, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.requests = requests;
        this.orders = orders;
        this.clock = clock;
    }

    /** Checks again what may have changed since the API accepted the request, e.g. an order refunded. */
    @Transactional(readOnly = true)
    RoutingFacts revalidate(long requestId) throws NoLongerValid {
        InvoiceRequest request = load(requestId);
        List<FieldError> problems = orders.problemsForInvoicing(request.customer(), request.orderNos());
        problems.addAll(InvoiceRequestService.buyerProblems(request.invoiceType(), request.buyer(), "buyer"));
        if (!problems.isEmpty()) {
            throw new NoLongerValid(problems.stream().map(FieldError::message).collect(Collectors.joining("；")));
        }
        BigDecimal now = orders.invoiceableAmount(request.orderNos());
        if (now.compareTo(request.totalAmount()) != 0) {
            throw new NoLongerValid(Texts.of("request.amountChanged", request.totalAmount(), now));
        }
        BuyerDetails buyer = request.buyer();
        return new RoutingFacts(request.invoiceType().name(), buyer.buyerType().name(),
                buyer.taxpayerKind() == null ? null : buyer.taxpayerKind().name(),
                request.totalAmount().movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact(),
                request.delivery().name());
    }

    @Transactional
    void reject(long requestId, String reason) {
        InvoiceRequest request = load(requestId);
        request.reject(reason, clock.instant());
        orders.release(requestId);
        events.publishEvent(new RequestRejected(requestId, request.customer(), reason, clock.instant()));
    }

    /** the customer did not supply what the review asked for in time; frees its orders like a rejection */
    @Transactional
    void cancel(long requestId, String reason) {
        load(requestId).cancel(reason, clock.instant());
        orders.release(requestId);
    }

    @Transactional
    void markInReview(long requestId) {
        load(requestId).markInReview(clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public InvoiceDraft draftFor(long requestId) {
        InvoiceRequest request = load(requestId);
        List<DraftLine> lines = orders.invoiceableItems(request.orderNos()).stream()
                .map(item -> new DraftLine(item.orderNo(), item.name(), item.category(), item.quantity(), item.grossAmount()))
                .toList();
        String remarks = "订单号：" + String.join("、", request.orderNos());
        return new InvoiceDraft(requestId, request.customer(), request.invoiceType(), request.buyer(), lines, remarks,
                request.delivery() == Delivery.POST);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<String> noLongerIssuable(long requestId) {
        try {
            revalidate(requestId);
            return java.util.Optional.empty();
        } catch (NoLongerValid e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    @Override
    @Transactional
    public void invoicesIssued(long requestId, List<Long> invoiceIds) {
        load(requestId).markIssued(clock.instant());
        orders.markInvoiced(requestId);
    }

    private InvoiceRequest load(long requestId) {
        return requests.findById(requestId).orElseThrow(() -> new NotFoundException("invoice request", requestId));
    }
}
