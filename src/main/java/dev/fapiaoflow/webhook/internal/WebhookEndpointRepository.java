package dev.fapiaoflow.webhook.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, Long> {

    List<WebhookEndpoint> findByActiveTrueOrderById();
}
