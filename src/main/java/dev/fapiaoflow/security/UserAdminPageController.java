package dev.fapiaoflow.security;

import dev.fapiaoflow.shared.Groups;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;

/** {@code /admin/users}: the administrator creates users, sets passwords, locks and unlocks, and assigns roles. */
@Controller
@PreAuthorize("hasAuthority('" + Groups.ADMIN + "')")
class UserAdminPageController {

    private final UserAdministration users;

    UserAdminPageController(UserAdministration users) {
        this.users = users;
    }

    @GetMapping("/admin/users")
    String list(Model model, Authentication admin) {
        return listPage(model, admin, Map.of(), List.of());
    }

    @PostMapping("/admin/users")
    String create(@RequestParam Map<String, String> form, @RequestParam(name = "groups", required = false) List<String> groups,
            Model model, Authentication admin, RedirectAttributes redirect) {
        try {
            users.create(new UserAdministration.NewUser(form.get("id"), form.get("firstName"), form.get("lastName"),
                    form.get("email"), form.get("password"), groups == null ? List.of() : groups));
        } catch (InvalidInputException invalid) {
            Map<String, String> kept = new java.util.HashMap<>(form);
            kept.remove("password");
            return listPage(model, admin, kept, invalid.errors());
        }
        redirect.addFlashAttribute("done", "created");
        return "redirect:/admin/users/" + form.get("id");
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable String id, Model model, Authentication admin) {
        return userPage(id, model, admin, List.of());
    }

    @PostMapping("/admin/users/{id}/password")
    String password(@PathVariable String id, @RequestParam(required = false) String password, Model model,
            Authentication admin, RedirectAttributes redirect) {
        return act(id, model, admin, redirect, "password", () -> users.setPassword(id, password));
    }

    @PostMapping("/admin/users/{id}/lock")
    String lock(@PathVariable String id, Model model, Authentication admin, RedirectAttributes redirect) {
        return act(id, model, admin, redirect, "locked", () -> users.lock(id, admin.getName()));
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable String id, Model model, Authentication admin, RedirectAttributes redirect) {
        return act(id, model, admin, redirect, "unlocked", () -> users.unlock(id));
    }

    @PostMapping("/admin/users/{id}/groups")
    String addToGroup(@PathVariable String id, @RequestParam(required = false) String group, Model model,
            Authentication admin, RedirectAttributes redirect) {
        return act(id, model, admin, redirect, "groups", () -> users.addToGroup(id, group));
    }

    @PostMapping("/admin/users/{id}/groups/{group}/delete")
    String removeFromGroup(@PathVariable String id, @PathVariable String group, Model model, Authentication admin,
            RedirectAttributes redirect) {
        return act(id, model, admin, redirect, "groups", () -> users.removeFromGroup(id, group, admin.getName()));
    }

    private String act(String id, Model model, Authentication admin, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException invalid) {
            return userPage(id, model, admin, invalid.errors());
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/admin/users/" + id;
    }

    private String listPage(Model model, Authentication admin, Map<String, String> form, List<FieldError> errors) {
        model.addAttribute("user", admin.getName());
        model.addAttribute("staff", true);
        model.addAttribute("users", users.users());
        model.addAttribute("groups", users.groups());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "security/users";
    }

    private String userPage(String id, Model model, Authentication admin, List<FieldError> errors) {
        model.addAttribute("user", admin.getName());
        model.addAttribute("staff", true);
        model.addAttribute("account", users.user(id));
        model.addAttribute("groups", users.groups());
        model.addAttribute("errors", errors);
        return "security/user";
    }
}
