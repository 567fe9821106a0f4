package dev.fapiaoflow.security.apikey;

import java.net.URI;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in user's API keys: list, create (the key is in this one answer only), revoke. */
@PreAuthorize("isAuthenticated()")
@RestController
@RequestMapping("/api/api-keys")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    record NewKey(String name) {
    }

    @GetMapping
    List<ApiKeyView> list(Authentication user) {
        return keys.of(user.getName());
    }

    @PostMapping
    ResponseEntity<CreatedApiKey> create(@RequestBody(required = false) NewKey body, Authentication user) {
        CreatedApiKey created = keys.create(user.getName(), body == null ? null : body.name());
        return ResponseEntity.created(URI.create("/api/api-keys/" + created.id()))
                .cacheControl(CacheControl.noStore())
                .body(created);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication user) {
        keys.revoke(user.getName(), id);
        return ResponseEntity.noContent().build();
    }
}
