package dev.fapiaoflow.security.apikey;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;

/**
 * The API keys page. A new key is rendered straight into the answer to the POST (not redirected through the session's
 * flash attributes) and marked no-store, so it exists only in that one page.
 */
@Controller
class ApiKeyPageController {

    private final ApiKeys keys;

    ApiKeyPageController(ApiKeys keys) {
        this.keys = keys;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/api-keys")
    String list(Model model, Authentication user) {
        return page(model, user, List.of());
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/api-keys")
    String create(@RequestParam(defaultValue = "") String name, Model model, Authentication user, HttpServletResponse response) {
        try {
            model.addAttribute("created", keys.create(user.getName(), name));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return page(model, user, List.of());
        } catch (InvalidInputException e) {
            return page(model, user, e.errors());
        } catch (ConflictException e) {
            return page(model, user, List.of(new FieldError("name", e.getMessage())));
        }
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/api-keys/{id}/revoke")
    String revoke(@PathVariable long id, Authentication user) {
        keys.revoke(user.getName(), id);
        return "redirect:/api-keys";
    }

    private String page(Model model, Authentication user, List<FieldError> errors) {
        model.addAttribute("keys", keys.of(user.getName()));
        model.addAttribute("errors", errors);
        model.addAttribute("user", user.getName());
        if (user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(Groups.BACK_OFFICE::contains)) {
            model.addAttribute("staff", true);
        }
        return "security/api-keys";
    }
}
