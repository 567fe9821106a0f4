package dev.fapiaoflow.webhook.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.dispute.DisputeEvent;
import dev.fapiaoflow.issuance.InvoiceEvent;
import dev.fapiaoflow.request.RequestRejected;

/**
 * Turns domain events into deliveries, one per subscribed endpoint, written in the transaction of the change itself:
 * committed together, or not at all. The body is fixed here, so every attempt sends (and signs) the same bytes.
 */
@Component
class WebhookOutbox {

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookOutbox(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, ObjectMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(InvoiceEvent event) {
        String name = switch (event.type()) {
            case ISSUED -> WebhookEventNames.INVOICE_ISSUED;
            case DELIVERED -> WebhookEventNames.INVOICE_DELIVERED;
            case RED_FLUSHED -> WebhookEventNames.INVOICE_RED_FLUSHED;
            case VOIDED -> WebhookEventNames.INVOICE_VOIDED;
        };
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("invoiceId", event.invoiceId());
        data.put("number", event.number());
        data.put("requestId", event.requestId());
        data.put("kind", event.kind());
        data.put("totalAmount", event.totalAmount());
        if (event.redInvoiceNumber() != null) {
            data.put("redInvoiceNumber", event.redInvoiceNumber());
        }
        write(name, event.occurredAt(), data);
    }

    @EventListener
    void on(RequestRejected event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", event.requestId());
        data.put("reason", event.reason());
        write(WebhookEventNames.REQUEST_REJECTED, event.occurredAt(), data);
    }

    @EventListener
    void on(DisputeEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("disputeId", event.disputeId());
        data.put("invoiceId", event.invoiceId());
        data.put("reason", event.reason());
        if (event.outcome() != null) {
            data.put("outcome", event.outcome());
        }
        write(event.type() == DisputeEvent.Type.OPENED ? WebhookEventNames.DISPUTE_OPENED : WebhookEventNames.DISPUTE_RESOLVED,
                event.occurredAt(), data);
    }

    private void write(String event, Instant occurredAt, Map<String, Object> data) {
        List<WebhookEndpoint> subscribed = endpoints.findByActiveTrueOrderById().stream()
                .filter(endpoint -> endpoint.wants(event)).toList();
        if (subscribed.isEmpty()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("occurredAt", occurredAt);
        body.put("data", data);
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook body of " + event, e);
        }
        Instant now = clock.instant();
        subscribed.forEach(endpoint -> deliveries.save(new WebhookDelivery(endpoint.id(), event, text, now)));
    }
}
