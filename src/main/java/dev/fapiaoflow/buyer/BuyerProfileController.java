package dev.fapiaoflow.buyer;

import java.net.URI;
import java.util.List;

import dev.fapiaoflow.shared.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Saved invoice titles (API.md "Saved invoice titles"). The body is checked by {@link BuyerValidation} in the
 * service rather than {@code @Valid}, so the API and other modules report the same rules with the same messages.
 */
@RestController
@RequestMapping("/api/buyer-profiles")
@PreAuthorize("hasAuthority('" + Groups.CUSTOMER + "')")
class BuyerProfileController {

    private final BuyerProfileService service;

    BuyerProfileController(BuyerProfileService service) {
        this.service = service;
    }

    /** 201 for a new title; 200 with the existing one when the same details were saved before. */
    @PostMapping
    ResponseEntity<BuyerProfileView> create(@RequestBody BuyerDetails details, Authentication user) {
        BuyerProfileService.Saved saved = service.saveOrFind(user.getName(), details);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(saved.view().id()).toUri();
        return saved.created()
                ? ResponseEntity.created(location).body(saved.view())
                : ResponseEntity.ok().location(location).body(saved.view());
    }

    @dev.fapiaoflow.audit.AuditedRead(objectType = "buyer-profiles")
    @GetMapping
    List<BuyerProfileView> list(Authentication user) {
        return service.list(user.getName());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Authentication user) {
        service.delete(user.getName(), id);
        return ResponseEntity.noContent().build();
    }
}
