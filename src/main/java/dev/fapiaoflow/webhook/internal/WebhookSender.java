package dev.fapiaoflow.webhook.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries: POST of the stored body with {@code X-FapiaoFlow-Signature: sha256=<hex HMAC-SHA256 of the
 * body with the endpoint's secret>}, {@code X-FapiaoFlow-Delivery} and {@code X-FapiaoFlow-Event}. A 2xx delivers;
 * anything else is retried after the configured backoff, then FAILED (shown on /webhooks for an admin to resend).
 * Each delivery is leased before it is sent (optimistic version), so two nodes do not send it at once.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookSender {

    static final String SIGNATURE = "X-FapiaoFlow-Signature";
    static final String DELIVERY = "X-FapiaoFlow-Delivery";
    static final String EVENT = "X-FapiaoFlow-Event";
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints, WebhookProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Scheduled(fixedDelayString = "${fapiaoflow.webhooks.poll-millis:500}")
    void sendDue() {
        List<Long> due = deliveries.findDue(clock.instant(), PageRequest.of(0, 20));
        due.forEach(this::sendOne);
    }

    private void sendOne(long id) {
        Attempt attempt;
        try {
            attempt = transaction.execute(status -> {
                WebhookDelivery delivery = deliveries.findById(id).orElse(null);
                Instant now = clock.instant();
                if (delivery == null || delivery.status() != WebhookDelivery.Status.PENDING || delivery.nextAttempt().isAfter(now)) {
                    return null;
                }
                WebhookEndpoint endpoint = endpoints.findById(delivery.endpointId()).orElseThrow();
                delivery.lease(now.plus(properties.timeout().multipliedBy(3)));
                deliveries.saveAndFlush(delivery);
                return new Attempt(endpoint.url(), endpoint.secret(), delivery.body(), delivery.deliveryId(), delivery.event(),
                        delivery.attempts(), endpoint.active());
            });
        } catch (OptimisticLockingFailureException takenByAnotherNode) {
            return;
        }
        if (attempt == null) {
            return;
        }
        Integer httpStatus = null;
        String error = null;
        if (!attempt.active()) {
            error = "endpoint deleted";
        } else {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(attempt.url())).timeout(properties.timeout())
                        .header("Content-Type", "application/json;charset=utf-8")
                        .header(SIGNATURE, "sha256=" + hmacSha256Hex(attempt.secret(), attempt.body()))
                        .header(DELIVERY, attempt.deliveryId()).header(EVENT, attempt.event())
                        .POST(HttpRequest.BodyPublishers.ofString(attempt.body(), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.discarding());
                httpStatus = response.statusCode();
                if (httpStatus / 100 != 2) {
                    error = "HTTP " + httpStatus;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        Integer answered = httpStatus;
        String failure = error;
        transaction.executeWithoutResult(status -> {
            WebhookDelivery delivery = deliveries.findById(id).orElseThrow();
            Instant now = clock.instant();
            if (failure == null) {
                delivery.delivered(answered, now);
            } else {
                List<Duration> backoff = properties.retryBackoff();
                int attemptNo = attempt.attemptsBefore();
                Instant retryAt = attempt.active() && attemptNo < backoff.size() ? now.plus(backoff.get(attemptNo)) : null;
                delivery.failed(answered, failure, retryAt);
                log.info("Webhook delivery {} ({}) attempt {} failed: {}{}", attempt.deliveryId(), attempt.event(), attemptNo + 1,
                        failure, retryAt == null ? "; giving up" : "; next at " + retryAt);
            }
        });
    }

    static String hmacSha256Hex(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private record Attempt(String url, String secret, String body, String deliveryId, String event, int attemptsBefore,
            boolean active) {
    }
}
