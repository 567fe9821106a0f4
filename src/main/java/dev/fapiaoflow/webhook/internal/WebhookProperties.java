package dev.fapiaoflow.webhook.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fapiaoflow.webhooks.*}: the waits between attempts (one more attempt than waits; then FAILED), how long one
 * attempt may take, and how often the outbox is checked.
 */
@ConfigurationProperties("fapiaoflow.webhooks")
public record WebhookProperties(
        @DefaultValue({"PT10S", "PT1M", "PT5M", "PT30M", "PT2H", "PT6H"}) List<Duration> retryBackoff,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("500") long pollMillis) {
}
