package dev.fapiaoflow.webhook.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    @Query("select d.id from WebhookDelivery d where d.status = dev.fapiaoflow.webhook.internal.WebhookDelivery.Status.PENDING"
            + " and d.nextAttempt <= :now order by d.nextAttempt")
    List<Long> findDue(Instant now, Pageable page);

    List<WebhookDelivery> findByStatusOrderByIdDesc(WebhookDelivery.Status status, Pageable page);

    List<WebhookDelivery> findAllByOrderByIdDesc(Pageable page);
}
