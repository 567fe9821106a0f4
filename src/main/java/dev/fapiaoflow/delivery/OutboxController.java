package dev.fapiaoflow.delivery;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/** The outbox page: every mail with its state; held mails wait here when no mail server is configured. */
@Controller
@PreAuthorize("hasAnyAuthority('admin', 'finance-reviewer', 'finance-manager', 'customer-service')")
class OutboxController {

    private final OutboxMailRepository outbox;
    private final InvoiceMailService mailService;

    OutboxController(OutboxMailRepository outbox, InvoiceMailService mailService) {
        this.outbox = outbox;
        this.mailService = mailService;
    }

    @GetMapping("/outbox")
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    String list(Model model, Authentication user) {
        model.addAttribute("mails", outbox.findAllByOrderByIdDesc(PageRequest.of(0, 200)).stream().map(OutboxEntry::of).toList());
        model.addAttribute("user", user.getName());
        model.addAttribute("staff", true);
        model.addAttribute("mailServerConfigured", mailService.mailServerConfigured());
        return "delivery/outbox";
    }

    /** Sends a held mail once a mail server is configured: an invoice mail makes the request DELIVERED. */
    @PostMapping("/outbox/{id}/send")
    @PreAuthorize("hasAuthority('admin')")
    String sendHeld(@PathVariable long id, RedirectAttributes redirect) {
        OutboxMail mail = outbox.findById(id).orElseThrow(() -> new NotFoundException("mail", id));
        if (mail.status() != OutboxStatus.HELD || (mail.requestId() == null && mail.kind() == MailKind.INVOICE)) {
            redirect.addFlashAttribute("notice", Texts.of("outbox.notice.notHeld", id));
        } else if (!mailService.mailServerConfigured()) {
            redirect.addFlashAttribute("notice", Texts.of("outbox.notice.noServer"));
        } else if (mail.kind() == MailKind.NOTICE) {
            mailService.sendHeldNotice(mail.id());
            redirect.addFlashAttribute("notice", Texts.of("outbox.notice.sent", id));
        } else {
            mailService.deliverByMail(mail.requestId());
            redirect.addFlashAttribute("notice", Texts.of("outbox.notice.sent", id));
        }
        return "redirect:/outbox";
    }

    @dev.fapiaoflow.audit.AuditedRead(objectType = "mail")
    @GetMapping("/outbox/{id}")
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    String one(@PathVariable long id, Model model, Authentication user) {
        model.addAttribute("mail", outbox.findById(id).map(OutboxEntry::of).orElseThrow(() -> new NotFoundException("mail", id)));
        model.addAttribute("user", user.getName());
        model.addAttribute("staff", true);
        return "delivery/outbox-mail";
    }
}
