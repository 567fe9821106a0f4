package dev.fapiaoflow.webhook.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/** What an admin does with webhooks: register, list, delete endpoints; see deliveries; resend a failed one. */
@Service
public class WebhookAdmin {

    public record Registration(String url, List<String> events, String secret) {
    }

    public record EndpointView(long id, String url, List<String> events, String createdBy, Instant createdAt) {
        static EndpointView of(WebhookEndpoint endpoint) {
            return new EndpointView(endpoint.id(), endpoint.url(), endpoint.events(), endpoint.createdBy(), endpoint.createdAt());
        }
    }

    public record DeliveryView(long id, String deliveryId, long endpointId, String url, String event, String status, int attempts,
            Integer lastStatus, String lastError, Instant createdAt, Instant nextAttempt, Instant deliveredAt) {
    }

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;

    WebhookAdmin(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Transactional
    long register(Registration registration, String admin) {
        List<FieldError> errors = new ArrayList<>();
        String url = registration == null ? null : registration.url();
        if (url == null || !validUrl(url.strip())) {
            errors.add(new FieldError("url", Texts.of("webhook.url.invalid")));
        }
        List<String> events = registration == null || registration.events() == null ? List.of()
                : registration.events().stream().distinct().toList();
        if (events.isEmpty() || !WebhookEventNames.ALL.containsAll(events)) {
            errors.add(new FieldError("events", Texts.of("webhook.events.invalid", String.join(", ", WebhookEventNames.ALL))));
        }
        String secret = registration == null ? null : registration.secret();
        if (secret == null || secret.strip().length() < 16 || secret.length() > 200) {
            errors.add(new FieldError("secret", "must be 16 to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return endpoints.save(new WebhookEndpoint(url.strip(), events, secret, admin, clock.instant())).id();
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return url.length() <= 1000 && uri.isAbsolute() && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Transactional(readOnly = true)
    List<EndpointView> endpoints() {
        return endpoints.findByActiveTrueOrderById().stream().map(EndpointView::of).toList();
    }

    @Transactional
    void delete(long id) {
        WebhookEndpoint endpoint = endpoints.findById(id).filter(WebhookEndpoint::active)
                .orElseThrow(() -> new NotFoundException("webhook", id));
        endpoint.deactivate();
    }

    /** newest first; {@code status} null: all */
    @Transactional(readOnly = true)
    List<DeliveryView> deliveries(WebhookDelivery.Status status) {
        List<WebhookDelivery> found = status == null ? deliveries.findAllByOrderByIdDesc(PageRequest.of(0, 200))
                : deliveries.findByStatusOrderByIdDesc(status, PageRequest.of(0, 200));
        Map<Long, WebhookEndpoint> byId = endpoints.findAllById(found.stream().map(WebhookDelivery::endpointId).distinct().toList())
                .stream().collect(Collectors.toMap(WebhookEndpoint::id, Function.identity()));
        return found.stream().map(d -> new DeliveryView(d.id(), d.deliveryId(), d.endpointId(),
                byId.containsKey(d.endpointId()) ? byId.get(d.endpointId()).url() : null, d.event(), d.status().name(),
                d.attempts(), d.lastStatus(), d.lastError(), d.createdAt(), d.nextAttempt(), d.deliveredAt())).toList();
    }

    /** A FAILED delivery gets a fresh round of attempts; its endpoint must still be registered. */
    @Transactional
    void resend(long deliveryId) {
        WebhookDelivery delivery = deliveries.findById(deliveryId).orElseThrow(() -> new NotFoundException("webhook delivery", deliveryId));
        if (delivery.status() != WebhookDelivery.Status.FAILED) {
            throw new ConflictException(Texts.of("webhook.resend.notFailed", deliveryId, delivery.status()));
        }
        if (!endpoints.findById(delivery.endpointId()).map(WebhookEndpoint::active).orElse(false)) {
            throw new ConflictException(Texts.of("webhook.resend.endpointDeleted", deliveryId));
        }
        delivery.resend(clock.instant());
    }
}
