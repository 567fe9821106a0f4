package dev.fapiaoflow.webhook.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/** API.md "Webhooks", admins only. */
@RestController
@RequestMapping("/api/webhooks")
@PreAuthorize("hasAuthority('admin')")
class WebhookController {

    private final WebhookAdmin admin;

    WebhookController(WebhookAdmin admin) {
        this.admin = admin;
    }

    @PostMapping
    ResponseEntity<Map<String, Long>> register(@RequestBody(required = false) WebhookAdmin.Registration registration,
            Authentication user) {
        long id = admin.register(registration, user.getName());
        return ResponseEntity.created(URI.create("/api/webhooks/" + id)).body(Map.of("id", id));
    }

    @GetMapping
    List<WebhookAdmin.EndpointView> list() {
        return admin.endpoints();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        admin.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** deliveries, newest first; {@code status}: PENDING, DELIVERED or FAILED */
    @GetMapping("/deliveries")
    List<WebhookAdmin.DeliveryView> deliveries(@RequestParam(required = false) String status) {
        return admin.deliveries(status(status));
    }

    @PostMapping("/deliveries/{id}/resend")
    ResponseEntity<Void> resend(@PathVariable long id) {
        admin.resend(id);
        return ResponseEntity.accepted().build();
    }

    static WebhookDelivery.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return WebhookDelivery.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", Texts.of("webhook.status.invalid"));
        }
    }
}
