package dev.fapiaoflow.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerProfileService;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.buyer.TaxpayerKind;
import dev.fapiaoflow.order.OrderService;
import dev.fapiaoflow.delivery.PaperDeliveryService;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.request.InvoiceRequestView;
import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;

/** The customer's pages: orders (pick and apply), saved titles, invoices. */
@Controller
class PortalController {

    private final OrderService orders;
    private final BuyerProfileService buyerProfiles;
    private final InvoiceRequestService requests;
    private final PaperDeliveryService paperDelivery;
    private final boolean demoData;

    PortalController(OrderService orders, BuyerProfileService buyerProfiles, InvoiceRequestService requests,
            PaperDeliveryService paperDelivery,
            @org.springframework.beans.factory.annotation.Value("${fapiaoflow.demo-data:false}") boolean demoData) {
        this.paperDelivery = paperDelivery;
        this.demoData = demoData;
        this.orders = orders;
        this.buyerProfiles = buyerProfiles;
        this.requests = requests;
    }

    @GetMapping("/login")
    String login(Model model) {
        // the demo accounts are named on the login page only where they exist
        model.addAttribute("demoUsers", demoData);
        return "portal/login";
    }

    /** Every role lands on a page it may open (see {@link Navigation}); the shop's account on the public verification page. */
    @PreAuthorize("isAuthenticated()")
    @GetMapping("/")
    String home(Authentication user) {
        return "redirect:" + Navigation.landingPage(user);
    }

    @GetMapping("/orders")
    @PreAuthorize("hasAuthority('customer')")
    String orders(@RequestParam(required = false) Long profile, Model model, Authentication user) {
        ApplyForm form = new ApplyForm();
        form.setBuyerProfileId(profile);
        return ordersPage(model, user, form, List.of(), null);
    }

    @PostMapping("/orders/apply")
    @PreAuthorize("hasAuthority('customer')")
    String apply(@ModelAttribute ApplyForm form, Model model, Authentication user, RedirectAttributes redirect) {
        try {
            InvoiceRequestView created = requests.submit(user.getName(), form.toCommand(), null);
            redirect.addFlashAttribute("applied", created.id());
            return "redirect:/invoices";
        } catch (InvalidInputException e) {
            return ordersPage(model, user, form, e.errors(), null);
        } catch (ConflictException e) {
            return ordersPage(model, user, form, List.of(), e.getMessage());
        }
    }

    @GetMapping("/titles")
    @PreAuthorize("hasAuthority('customer')")
    String titles(Model model, Authentication user) {
        return titlesPage(model, user, List.of());
    }

    @PostMapping("/titles")
    @PreAuthorize("hasAuthority('customer')")
    String saveTitle(@RequestParam BuyerType buyerType, @RequestParam String title,
            @RequestParam(required = false) String taxId, @RequestParam(required = false) String email,
            @RequestParam(required = false) TaxpayerKind taxpayerKind, Model model, Authentication user) {
        try {
            buyerProfiles.save(user.getName(), new BuyerDetails(buyerType, blankToNull(title), blankToNull(taxId), null, null,
                    null, null, blankToNull(email), buyerType == BuyerType.ENTERPRISE ? taxpayerKind : null));
            return "redirect:/titles";
        } catch (InvalidInputException e) {
            model.addAttribute("draft", Map.of("buyerType", buyerType, "title", title, "taxId", taxId == null ? "" : taxId,
                    "email", email == null ? "" : email));
            return titlesPage(model, user, e.errors());
        }
    }

    @PostMapping("/titles/{id}/delete")
    @PreAuthorize("hasAuthority('customer')")
    String deleteTitle(@PathVariable long id, Authentication user) {
        buyerProfiles.delete(user.getName(), id);
        return "redirect:/titles";
    }

    @GetMapping("/invoices")
    @PreAuthorize("hasAuthority('customer')")
    String invoices(Model model, Authentication user) {
        model.addAttribute("requests", requests.requestsOf(user.getName()));
        model.addAttribute("user", user.getName());
        return "portal/invoices";
    }

    /** the customer says the posted paper invoice arrived */
    @PostMapping("/invoices/{id}/receipt")
    @PreAuthorize("hasAuthority('customer')")
    String confirmReceipt(@PathVariable long id, Authentication user) {
        paperDelivery.confirmReceipt(id, user.getName());
        return "redirect:/invoices";
    }

    private String ordersPage(Model model, Authentication user, ApplyForm form, List<FieldError> errors, String conflict) {
        model.addAttribute("orders", orders.ordersOf(user.getName()));
        model.addAttribute("titles", buyerProfiles.list(user.getName()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("user", user.getName());
        return "portal/orders";
    }

    private String titlesPage(Model model, Authentication user, List<FieldError> errors) {
        model.addAttribute("titles", buyerProfiles.list(user.getName()));
        model.addAttribute("errors", errors);
        model.addAttribute("user", user.getName());
        return "portal/titles";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
