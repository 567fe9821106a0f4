package dev.fapiaoflow.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;

/** The finance page of anomaly flags: filters, a link to each invoice's timeline, acknowledgement with a note. */
@Controller
@PreAuthorize("hasAnyAuthority('finance-reviewer', 'finance-manager')")
class AnomalyPageController {

    private static final int PAGE_SIZE = 50;
    /** the filters' own query string, as the page encoded it */
    private static final Pattern SAFE_QUERY = Pattern.compile("[A-Za-z0-9_=&%.\\-]*");

    private final AnomalyFlags flags;

    AnomalyPageController(AnomalyFlags flags) {
        this.flags = flags;
    }

    @GetMapping("/anomalies")
    String list(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "OPEN") String state,
            @RequestParam(defaultValue = "0") int page, Model model, Authentication user) {
        List<FieldError> errors = new ArrayList<>();
        AnomalyFilter filter = AnomalyFlagController.filter(kind, from, to, state, errors);
        int current = Math.max(page, 0);
        List<AnomalyFlagView> rows = errors.isEmpty() ? flags.list(filter, current, PAGE_SIZE) : List.of();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", kind);
        form.put("from", from);
        form.put("to", to);
        form.put("state", state);
        model.addAttribute("form", form);
        model.addAttribute("kinds", AnomalyKind.values());
        model.addAttribute("rows", rows);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", errors);
        }
        model.addAttribute("page", current);
        model.addAttribute("hasNext", rows.size() == PAGE_SIZE);
        model.addAttribute("query", query(kind, from, to, state));
        model.addAttribute("user", user.getName());
        model.addAttribute("staff", true);
        return "verification/anomalies";
    }

    @PostMapping("/anomalies/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String back, Authentication user, RedirectAttributes redirect) {
        try {
            flags.acknowledge(id, user.getName(), note);
            redirect.addFlashAttribute("acknowledged", id);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(new FieldError("state", e.getMessage())));
        }
        // only our own query string goes back into the redirect, never a URL from the form
        return "redirect:/anomalies" + (SAFE_QUERY.matcher(back).matches() && !back.isEmpty() ? "?" + back : "");
    }

    private static String query(String kind, String from, String to, String state) {
        return UriComponentsBuilder.newInstance().queryParam("kind", kind).queryParam("from", from)
                .queryParam("to", to).queryParam("state", state).encode().build().getQuery();
    }
}
