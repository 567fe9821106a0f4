package dev.fapiaoflow.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.fapiaoflow.buyer.BuyerProfileService;
import dev.fapiaoflow.periodic.Frequency;
import dev.fapiaoflow.periodic.PeriodicInvoicingService;
import dev.fapiaoflow.periodic.PeriodicSubscriptionCommand;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/**
 * The customer's periodic invoicing page: opt in (monthly or quarterly, a saved title, an e-mail), change it, opt
 * out. Same checks as {@code PUT /api/periodic-invoicing}; the form's own checks mirror the API's bean validation.
 */
@Controller
class PeriodicPageController {

    private static final String EMAIL = "^[^@\\s]+@[^@\\s]+$";

    private final PeriodicInvoicingService periodic;
    private final BuyerProfileService buyerProfiles;

    PeriodicPageController(PeriodicInvoicingService periodic, BuyerProfileService buyerProfiles) {
        this.periodic = periodic;
        this.buyerProfiles = buyerProfiles;
    }

    @GetMapping("/periodic")
    @PreAuthorize("hasAuthority('customer')")
    String page(Model model, Authentication user) {
        return page(model, user, List.of());
    }

    @PostMapping("/periodic")
    @PreAuthorize("hasAuthority('customer')")
    String save(@RequestParam(required = false) Frequency frequency, @RequestParam(required = false) Long buyerProfileId,
            @RequestParam(required = false) String email, Model model, Authentication user, RedirectAttributes redirect) {
        List<FieldError> errors = new ArrayList<>();
        if (frequency == null) {
            errors.add(new FieldError("frequency", Texts.of("periodic.frequency.required")));
        }
        if (buyerProfileId == null) {
            errors.add(new FieldError("buyerProfileId", Texts.of("periodic.buyerProfile.required")));
        }
        if (email == null || email.isBlank() || email.trim().length() > 254 || !email.trim().matches(EMAIL)) {
            errors.add(new FieldError("email", Texts.of("periodic.email.invalid")));
        }
        if (!errors.isEmpty()) {
            return page(model, user, errors);
        }
        try {
            periodic.subscribe(user.getName(), new PeriodicSubscriptionCommand(frequency, buyerProfileId, email.trim()));
        } catch (InvalidInputException e) {
            return page(model, user, e.errors());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/periodic";
    }

    @PostMapping("/periodic/cancel")
    @PreAuthorize("hasAuthority('customer')")
    String cancel(Authentication user, RedirectAttributes redirect) {
        try {
            periodic.unsubscribe(user.getName());
        } catch (NotFoundException alreadyOut) {
            // a second click, or another tab: the customer is out either way
        }
        redirect.addFlashAttribute("cancelled", true);
        return "redirect:/periodic";
    }

    private String page(Model model, Authentication user, List<FieldError> errors) {
        model.addAttribute("subscription", periodic.subscriptionOf(user.getName()).orElse(null));
        model.addAttribute("titles", buyerProfiles.list(user.getName()));
        model.addAttribute("errors", errors);
        model.addAttribute("user", user.getName());
        return "portal/periodic";
    }
}
