package dev.fapiaoflow.webhook.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One event for one endpoint: the exact body signed and sent, and how its attempts went. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status { PENDING, DELIVERED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String deliveryId;
    private long endpointId;
    private String event;
    private String body;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private Instant nextAttempt;
    private Integer lastStatus;
    private String lastError;
    private Instant createdAt;
    private Instant deliveredAt;
    @Version
    private long version;

    protected WebhookDelivery() {
    }

    WebhookDelivery(long endpointId, String event, String body, Instant now) {
        this.deliveryId = UUID.randomUUID().toString();
        this.endpointId = endpointId;
        this.event = event;
        this.body = body;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextAttempt = now;
    }

    /** taken by a sender until {@code until}; another node skips it meanwhile */
    void lease(Instant until) {
        nextAttempt = until;
    }

    void delivered(int httpStatus, Instant at) {
        attempts++;
        status = Status.DELIVERED;
        lastStatus = httpStatus;
        lastError = null;
        deliveredAt = at;
        nextAttempt = null;
    }

    /** a failed attempt: the next one after {@code retryAt}, or FAILED when null */
    void failed(Integer httpStatus, String error, Instant retryAt) {
        attempts++;
        lastStatus = httpStatus;
        lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
        status = retryAt == null ? Status.FAILED : Status.PENDING;
        nextAttempt = retryAt;
    }

    /** an admin sends it again: a fresh round of attempts, same delivery id (receivers deduplicate by it) */
    void resend(Instant now) {
        status = Status.PENDING;
        attempts = 0;
        nextAttempt = now;
    }

    public Long id() { return id; }
    public String deliveryId() { return deliveryId; }
    public long endpointId() { return endpointId; }
    public String event() { return event; }
    public String body() { return body; }
    public Status status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttempt() { return nextAttempt; }
    public Integer lastStatus() { return lastStatus; }
    public String lastError() { return lastError; }
    public Instant createdAt() { return createdAt; }
    public Instant deliveredAt() { return deliveredAt; }
}
