package dev.fapiaoflow.periodic;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.shared.NotFoundException;

/**
 * The logged-in customer's periodic invoicing (GET, PUT to opt in or change, DELETE to opt out), and a run started
 * by hand for a given date (process owners and admins).
 */
@RestController
@RequestMapping("/api/periodic-invoicing")
class PeriodicInvoicingController {

    private final PeriodicInvoicingService periodic;

    PeriodicInvoicingController(PeriodicInvoicingService periodic) {
        this.periodic = periodic;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customer')")
    PeriodicSubscriptionView mine(Authentication user) {
        return periodic.subscriptionOf(user.getName())
                .orElseThrow(() -> new NotFoundException("periodic invoicing", user.getName()));
    }

    @PutMapping
    @PreAuthorize("hasAuthority('customer')")
    PeriodicSubscriptionView subscribe(@Valid @RequestBody PeriodicSubscriptionCommand command, Authentication user) {
        return periodic.subscribe(user.getName(), command);
    }

    @DeleteMapping
    @PreAuthorize("hasAuthority('customer')")
    ResponseEntity<Void> unsubscribe(Authentication user) {
        periodic.unsubscribe(user.getName());
        return ResponseEntity.noContent().build();
    }

    record RunCommand(@NotNull LocalDate runDate) {
    }

    @PostMapping("/runs")
    @PreAuthorize("hasAnyAuthority('process-owner', 'admin')")
    ResponseEntity<Map<String, String>> startRun(@Valid @RequestBody RunCommand command) {
        String processInstanceId = periodic.startRun(command.runDate());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("processInstanceId", processInstanceId));
    }
}
