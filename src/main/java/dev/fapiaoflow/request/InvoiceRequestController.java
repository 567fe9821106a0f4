package dev.fapiaoflow.request;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.security.CurrentUser;

@RestController
@RequestMapping("/api/invoice-requests")
class InvoiceRequestController {

    private final InvoiceRequestService requests;
    private final SubmissionGate gate;

    InvoiceRequestController(InvoiceRequestService requests, SubmissionGate gate) {
        this.requests = requests;
        this.gate = gate;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('customer')")
    ResponseEntity<InvoiceRequestView> apply(@Valid @RequestBody InvoiceRequestCommand command,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication user) {
        InvoiceRequestView created = gate.admit(() -> {
            try {
                return requests.submit(user.getName(), command, blankToNull(idempotencyKey));
            } catch (DuplicateKeyException sameKeyAtTheSameMoment) {
                return requests.byIdempotencyKey(user.getName(), idempotencyKey).orElseThrow(() -> sameKeyAtTheSameMoment);
            }
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/invoice-requests/" + created.id()))
                .body(created);
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/{id}")
    InvoiceRequestView one(@PathVariable long id, Authentication user) {
        return requests.find(id, CurrentUser.of(user));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customer')")
    List<InvoiceRequestView> own(Authentication user) {
        return requests.requestsOf(user.getName());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
