package dev.fapiaoflow.delivery;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.fapiaoflow.shared.NotFoundException;

/** The outbox page: every mail with its state; held mails wait here when no mail server is configured. */
@Controller
@PreAuthorize("hasAnyAuthority('admin', 'finance-reviewer', 'finance-manager', 'customer-service')")
class OutboxController {

    private final OutboxMailRepository outbox;

    OutboxController(OutboxMailRepository outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/outbox")
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    String list(Model model, Authentication user) {
        model.addAttribute("mails", outbox.findAllByOrderByIdDesc(PageRequest.of(0, 200)).stream().map(OutboxEntry::of).toList());
        model.addAttribute("user", user.getName());
        model.addAttribute("staff", true);
        return "delivery/outbox";
    }

    @GetMapping("/outbox/{id}")
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    String one(@PathVariable long id, Model model, Authentication user) {
        model.addAttribute("mail", outbox.findById(id).map(OutboxEntry::of).orElseThrow(() -> new NotFoundException("mail", id)));
        model.addAttribute("user", user.getName());
        model.addAttribute("staff", true);
        return "delivery/outbox-mail";
    }
}
