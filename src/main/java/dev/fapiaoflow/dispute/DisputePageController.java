package dev.fapiaoflow.dispute;

import java.util.ArrayList;
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

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.issuance.InvoiceFacts;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/**
 * Pages: the customer's dispute form on an invoice, the dispute list (the customer's own; for customer service the
 * queue with filters, overdue first) and a dispute's page with the invoice, its history, the live thread, the
 * recommendation and the actions.
 */
@Controller
class DisputePageController {

    private final DisputeDesk disputes;
    private final DisputeResolution resolution;
    private final IssuanceService issuance;

    DisputePageController(DisputeDesk disputes, DisputeResolution resolution, IssuanceService issuance) {
        this.disputes = disputes;
        this.resolution = resolution;
        this.issuance = issuance;
    }

    @PreAuthorize("hasAuthority('customer')")
    @GetMapping("/invoices/{invoiceId}/dispute")
    String form(@PathVariable long invoiceId, Model model, Authentication user) {
        return formPage(invoiceId, model, user, Map.of(), List.of(), null);
    }

    @PreAuthorize("hasAuthority('customer')")
    @PostMapping("/invoices/{invoiceId}/dispute")
    String raise(@PathVariable long invoiceId, @RequestParam Map<String, String> form, Model model, Authentication user) {
        DisputeReason reason = null;
        try {
            reason = form.get("reason") == null || form.get("reason").isBlank() ? null : DisputeReason.valueOf(form.get("reason"));
        } catch (IllegalArgumentException unknown) {
            return formPage(invoiceId, model, user, form, List.of(new FieldError("reason", Texts.of("dispute.reason.required"))), null);
        }
        InvoiceType wantedType = null;
        try {
            String type = form.get("invoiceType");
            wantedType = type == null || type.isBlank() ? null : InvoiceType.valueOf(type);
        } catch (IllegalArgumentException unknown) {
            return formPage(invoiceId, model, user, form, List.of(new FieldError("invoiceType", Texts.of("dispute.invoiceType.required"))), null);
        }
        BuyerDetails correction = correction(form);
        try {
            long id = disputes.raise(CurrentUser.of(user), invoiceId,
                    new RaiseDisputeCommand(reason, form.get("description"), correction, wantedType));
            return "redirect:/disputes/" + id;
        } catch (InvalidInputException e) {
            return formPage(invoiceId, model, user, form, e.errors(), null);
        } catch (ConflictException e) {
            return formPage(invoiceId, model, user, form, List.of(), e.getMessage());
        }
    }

    /** only the fields the customer filled in; none at all is no correction */
    private static BuyerDetails correction(Map<String, String> form) {
        BuyerType buyerType = "PERSONAL".equals(form.get("correction.buyerType")) ? BuyerType.PERSONAL
                : "ENTERPRISE".equals(form.get("correction.buyerType")) ? BuyerType.ENTERPRISE : null;
        BuyerDetails details = new BuyerDetails(buyerType,
                blankToNull(form.get("correction.title")), blankToNull(form.get("correction.taxId")),
                blankToNull(form.get("correction.address")), blankToNull(form.get("correction.phone")),
                blankToNull(form.get("correction.bankName")), blankToNull(form.get("correction.bankAccount")), null, null);
        boolean empty = details.buyerType() == null && details.title() == null && details.taxId() == null
                && details.address() == null && details.phone() == null && details.bankName() == null
                && details.bankAccount() == null;
        return empty ? null : details;
    }

    private String formPage(long invoiceId, Model model, Authentication user, Map<String, String> form,
            List<FieldError> errors, String conflict) {
        CurrentUser current = CurrentUser.of(user);
        InvoiceFacts invoice = issuance.facts(invoiceId).filter(facts -> facts.owner().equals(current.id()))
                .orElseThrow(() -> new NotFoundException("invoice", invoiceId));
        model.addAttribute("invoice", invoice);
        model.addAttribute("reasons", DisputeReason.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("earlier", disputes.ofInvoice(current, invoiceId));
        model.addAttribute("user", current.id());
        return "dispute/form";
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/disputes")
    String list(@RequestParam(required = false) DisputeStatus status, @RequestParam(required = false) DisputeReason reason,
            @RequestParam(defaultValue = "false") boolean overdue, Model model, Authentication user) {
        CurrentUser current = CurrentUser.of(user);
        model.addAttribute("rows", disputes.list(current, status, overdue, reason));
        model.addAttribute("statuses", DisputeStatus.values());
        model.addAttribute("reasons", DisputeReason.values());
        model.addAttribute("filter", filter(status, reason, overdue));
        staff(model, current);
        return "dispute/list";
    }

    private static Map<String, String> filter(DisputeStatus status, DisputeReason reason, boolean overdue) {
        return Map.of("status", status == null ? "" : status.name(), "reason", reason == null ? "" : reason.name(),
                "overdue", String.valueOf(overdue));
    }

    @PreAuthorize("isAuthenticated()")
    @dev.fapiaoflow.audit.AuditedRead(objectType = "dispute")
    @GetMapping("/disputes/{id}")
    String page(@PathVariable long id, Model model, Authentication user) {
        CurrentUser current = CurrentUser.of(user);
        DisputeView dispute = disputes.find(current, id);
        model.addAttribute("dispute", dispute);
        model.addAttribute("invoice", issuance.facts(dispute.invoiceId()).orElseThrow());
        model.addAttribute("history", issuance.historyOf(dispute.invoiceId()));
        List<InvoiceFacts> linked = new ArrayList<>();
        if (dispute.redInvoiceId() != null) {
            issuance.facts(dispute.redInvoiceId()).ifPresent(linked::add);
        }
        if (dispute.reissuedInvoiceId() != null) {
            issuance.facts(dispute.reissuedInvoiceId()).ifPresent(linked::add);
        }
        model.addAttribute("linked", linked);
        boolean service = current.groups().contains(Groups.CUSTOMER_SERVICE);
        boolean manager = current.groups().contains(Groups.FINANCE_MANAGER);
        model.addAttribute("mayResolve", (service && dispute.status() == DisputeStatus.OPEN)
                || (manager && dispute.status() == DisputeStatus.ESCALATED));
        model.addAttribute("actions", service && dispute.status() == DisputeStatus.OPEN
                ? List.of("resend", "correct", "reject", "escalate") : List.of("resend", "correct", "reject"));
        model.addAttribute("mayWrite", current.id().equals(dispute.customer()) || service);
        staff(model, current);
        return "dispute/page";
    }

    // anyone logged in; the method answers 404 to all but customer service and finance managers (API.md)
    @PreAuthorize("isAuthenticated()")
    @PostMapping("/disputes/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(required = false) String action,
            @RequestParam(required = false) String comment, Authentication user, RedirectAttributes redirect) {
        CurrentUser current = CurrentUser.of(user);
        if (!current.groups().contains(Groups.CUSTOMER_SERVICE) && !current.groups().contains(Groups.FINANCE_MANAGER)) {
            throw new NotFoundException("dispute", id);
        }
        try {
            resolution.resolve(current, id, action, comment);
            redirect.addFlashAttribute("notice", Texts.of("dispute.notice.submitted", Texts.of("dispute.action." + action)));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().stream().map(FieldError::message).toList().toString());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/disputes/" + id;
    }

    private static void staff(Model model, CurrentUser current) {
        model.addAttribute("user", current.id());
        if (current.isBackOffice()) {
            model.addAttribute("staff", true);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
