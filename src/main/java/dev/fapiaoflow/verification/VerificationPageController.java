package dev.fapiaoflow.verification;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.TimeConfig;

/** The public check page (no login) and the logged-in verifier's history page. */
@Controller
class VerificationPageController {

    private static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TimeConfig.CHINA);

    private final VerificationService verifications;

    VerificationPageController(VerificationService verifications) {
        this.verifications = verifications;
    }

    /** One row of the history page, formatted for display (public: FreeMarker sees only public types). */
    public record HistoryRow(String checkedAt, String number, String result, String status) {

        static HistoryRow of(HistoryEntry entry) {
            return new HistoryRow(DATE_TIME.format(entry.checkedAt()), entry.number(), entry.result().name(),
                    entry.status() == null ? null : entry.status().name());
        }
    }

    @GetMapping("/verify")
    String form(Model model, HttpServletRequest request, Authentication authentication) {
        return page(model, request, authentication, Map.of());
    }

    /** The outcome is one of MATCH, MISMATCH, NOT_FOUND, LOCKED, RATE_LIMITED; field errors redisplay the form. */
    @PostMapping("/verify")
    String verify(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String issueDate,
            @RequestParam(defaultValue = "") String totalAmount, Model model, HttpServletRequest request,
            Authentication authentication) {
        Map<String, String> form = Map.of("number", number, "issueDate", issueDate, "totalAmount", totalAmount);
        try {
            VerificationAnswer answer = verifications.verify(Verifier.of(request, authentication), number, issueDate, totalAmount);
            model.addAttribute("answer", answer);
            model.addAttribute("outcome", answer.result().name());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (VerificationRefused e) {
            model.addAttribute("outcome", e.reason() == VerificationRefused.Reason.LOCKED ? "LOCKED" : "RATE_LIMITED");
            model.addAttribute("retryAfter", e.retryAfterSeconds());
        }
        return page(model, request, authentication, form);
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/verifications/history")
    String history(@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request,
            Authentication authentication) {
        int current = Math.max(page, 0);
        List<HistoryRow> rows = verifications.historyOf(authentication.getName(), current, PAGE_SIZE).stream()
                .map(HistoryRow::of).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("page", current);
        model.addAttribute("hasNext", rows.size() == PAGE_SIZE);
        addUser(model, request, authentication);
        return "verification/history";
    }

    private String page(Model model, HttpServletRequest request, Authentication authentication, Map<String, String> form) {
        model.addAttribute("form", form);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        addUser(model, request, authentication);
        return "verification/verify";
    }

    /** The layout shows the user's menu and logout for logged-in callers only. */
    private static void addUser(Model model, HttpServletRequest request, Authentication authentication) {
        Verifier verifier = Verifier.of(request, authentication);
        if (verifier.loggedIn()) {
            model.addAttribute("user", verifier.userId());
            if (verifier.backOffice()) {
                model.addAttribute("staff", true);
            }
        }
    }
}
