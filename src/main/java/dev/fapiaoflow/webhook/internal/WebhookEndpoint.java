package dev.fapiaoflow.webhook.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.fapiaoflow.security.EncryptedStringConverter;

/** A registered receiver: URL, the events it wants, and its signing secret (encrypted at rest). */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String url;
    private String events;
    @Convert(converter = EncryptedStringConverter.class)
    private String secret;
    private String createdBy;
    private Instant createdAt;
    private boolean active;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(String url, List<String> events, String secret, String createdBy, Instant createdAt) {
        this.url = url;
        this.events = String.join(",", events);
        this.secret = secret;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.active = true;
    }

    boolean wants(String event) {
        return active && events().contains(event);
    }

    void deactivate() {
        active = false;
    }

    public Long id() { return id; }
    public String url() { return url; }
    public List<String> events() { return Arrays.asList(events.split(",")); }
    String secret() { return secret; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public boolean active() { return active; }
}
