package dev.fapiaoflow.dispute;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.shared.NotFoundException;

/** API.md "Disputes", plus the queue, the resolution of customer service and the live thread (README). */
@RestController
class DisputeController {

    private final DisputeDesk disputes;
    private final DisputeConversation conversation;
    private final DisputeResolution resolution;
    private final DisputeThreads threads;

    DisputeController(DisputeDesk disputes, DisputeConversation conversation, DisputeResolution resolution,
            DisputeThreads threads) {
        this.disputes = disputes;
        this.conversation = conversation;
        this.resolution = resolution;
        this.threads = threads;
    }

    @PreAuthorize("hasAuthority('customer')")
    @PostMapping("/api/invoices/{invoiceId}/disputes")
    ResponseEntity<Map<String, Object>> raise(Authentication user, @PathVariable long invoiceId,
            @RequestBody(required = false) RaiseDisputeCommand command) {
        long id = disputes.raise(CurrentUser.of(user), invoiceId, command);
        return ResponseEntity.accepted().location(URI.create("/api/disputes/" + id)).body(Map.of("id", id, "status", DisputeStatus.OPEN));
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/api/disputes")
    List<DisputeRow> list(Authentication user, @RequestParam(required = false) DisputeStatus status,
            @RequestParam(required = false) DisputeReason reason, @RequestParam(defaultValue = "false") boolean overdue) {
        return disputes.list(CurrentUser.of(user), status, overdue, reason);
    }

    @PreAuthorize("isAuthenticated()")
    @dev.fapiaoflow.audit.AuditedRead(objectType = "dispute")
    @GetMapping("/api/disputes/{id}")
    DisputeView find(Authentication user, @PathVariable long id) {
        return disputes.find(CurrentUser.of(user), id);
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/api/disputes/{id}/messages")
    ResponseEntity<DisputeView.Message> post(Authentication user, @PathVariable long id,
            @RequestBody(required = false) Map<String, String> body) {
        DisputeView.Message message = conversation.post(CurrentUser.of(user), id, body == null ? null : body.get("text"));
        return ResponseEntity.status(201).body(message);
    }

    /** New messages of the dispute as server-sent events ({@code message}, JSON), for its owner and the back office. */
    @PreAuthorize("isAuthenticated()")
    @GetMapping(path = "/api/disputes/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Authentication user, @PathVariable long id) {
        CurrentUser current = CurrentUser.of(user);
        boolean customer = disputes.isCustomerOf(current, id);
        return threads.subscribe(id, current.id(), customer);
    }

    /** customer service (or, once escalated, a finance manager) resolves: {@code {"action","comment"}} */
    // anyone logged in; the method answers 404 to all but customer service and finance managers (API.md)
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/api/disputes/{id}/resolution")
    ResponseEntity<Void> resolve(Authentication user, @PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        CurrentUser current = CurrentUser.of(user);
        if (!current.groups().contains(Groups.CUSTOMER_SERVICE) && !current.groups().contains(Groups.FINANCE_MANAGER)) {
            throw new NotFoundException("dispute", id);
        }
        resolution.resolve(current, id, body == null ? null : body.get("action"), body == null ? null : body.get("comment"));
        return ResponseEntity.noContent().build();
    }
}
