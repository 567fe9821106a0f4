package dev.fapiaoflow.verification;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.fapiaoflow.security.CurrentUser;

/** An invoice's timeline as JSON and as a page; 404 for anyone but its owner and the back office. */
@Controller
class InvoiceTimelineController {

    private final InvoiceTimelines timelines;

    InvoiceTimelineController(InvoiceTimelines timelines) {
        this.timelines = timelines;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/api/invoices/{id}/timeline")
    @ResponseBody
    InvoiceTimeline timeline(@PathVariable long id, Authentication authentication) {
        return timelines.of(id, CurrentUser.of(authentication));
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/invoices/{id}/timeline")
    String page(@PathVariable long id, Model model, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        model.addAttribute("timeline", timelines.of(id, user));
        model.addAttribute("user", user.id());
        if (user.isBackOffice()) {
            model.addAttribute("staff", true);
        }
        return "verification/timeline";
    }
}
