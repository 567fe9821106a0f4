package dev.fapiaoflow.webhook.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.fapiaoflow.shared.ConflictException;

/** /webhooks: the registered endpoints and the failed deliveries, each with a button to send it again. */
@Controller
@PreAuthorize("hasAuthority('admin')")
class WebhookPageController {

    private final WebhookAdmin admin;

    WebhookPageController(WebhookAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/webhooks")
    String page(Model model, Authentication user) {
        model.addAttribute("endpoints", admin.endpoints());
        model.addAttribute("failed", admin.deliveries(WebhookDelivery.Status.FAILED));
        model.addAttribute("user", user.getName());
        model.addAttribute("staff", true);
        return "webhook/webhooks";
    }

    @PostMapping("/webhooks/deliveries/{id}/resend")
    String resend(@PathVariable long id, RedirectAttributes redirect) {
        try {
            admin.resend(id);
            redirect.addFlashAttribute("notice", "webhooks.resent");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "webhooks.notResent");
        }
        return "redirect:/webhooks";
    }
}
