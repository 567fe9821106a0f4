package dev.fapiaoflow.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.fapiaoflow.buyer.BuyerProfileService;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;

/** The customer's saved titles (发票抬头) with every field a special invoice needs: add, change, default, delete. */
@Controller
class TitlePageController {

    private final BuyerProfileService buyerProfiles;

    TitlePageController(BuyerProfileService buyerProfiles) {
        this.buyerProfiles = buyerProfiles;
    }

    @GetMapping("/titles")
    @PreAuthorize("hasAuthority('customer')")
    String titles(@RequestParam(required = false) Long edit, Model model, Authentication user) {
        if (edit != null) {
            buyerProfiles.list(user.getName()).stream().filter(t -> t.id() == edit).findFirst()
                    .ifPresent(t -> model.addAttribute("draft", TitleForm.of(t)));
        }
        return titlesPage(model, user, List.of());
    }

    /** a new title, or with {@code id} the changed one */
    @PostMapping("/titles")
    @PreAuthorize("hasAuthority('customer')")
    String saveTitle(@ModelAttribute TitleForm form, Model model, Authentication user) {
        try {
            if (form.getId() != null) {
                buyerProfiles.update(user.getName(), form.getId(), form.details());
            } else {
                buyerProfiles.save(user.getName(), form.details());
            }
            return "redirect:/titles";
        } catch (InvalidInputException e) {
            model.addAttribute("draft", form);
            return titlesPage(model, user, e.errors());
        }
    }

    @PostMapping("/titles/{id}/default")
    @PreAuthorize("hasAuthority('customer')")
    String makeDefault(@PathVariable long id, Authentication user) {
        buyerProfiles.makeDefault(user.getName(), id);
        return "redirect:/titles";
    }

    @PostMapping("/titles/{id}/delete")
    @PreAuthorize("hasAuthority('customer')")
    String deleteTitle(@PathVariable long id, Authentication user) {
        buyerProfiles.delete(user.getName(), id);
        return "redirect:/titles";
    }

    private String titlesPage(Model model, Authentication user, List<FieldError> errors) {
        model.addAttribute("titles", buyerProfiles.list(user.getName()));
        model.addAttribute("errors", errors);
        model.addAttribute("user", user.getName());
        return "portal/titles";
    }
}
