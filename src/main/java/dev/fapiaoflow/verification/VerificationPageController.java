package dev.fapiaoflow.verification;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.fapiaoflow.audit.RecordedElsewhere;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.shared.upload.UploadRejected;
import dev.fapiaoflow.shared.upload.UploadRejections;
import dev.fapiaoflow.signing.SignedLinks;

/** The public check page (no login) and the logged-in verifier's history page. */
@Controller
class VerificationPageController {

    private static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TimeConfig.CHINA);

    private final VerificationService verifications;
    private final SignedLinks links;
    private final DocumentVerificationService documents;
    private final DocumentUploads uploads;
    private final UploadRejections rejections;

    VerificationPageController(VerificationService verifications, SignedLinks links, DocumentVerificationService documents,
            DocumentUploads uploads, UploadRejections rejections) {
        this.verifications = verifications;
        this.links = links;
        this.documents = documents;
        this.uploads = uploads;
        this.rejections = rejections;
    }

    /** One row of the history page, formatted for display (public: FreeMarker sees only public types). */
    public record HistoryRow(String checkedAt, String number, String result, String status) {

        static HistoryRow of(HistoryEntry entry) {
            return new HistoryRow(DATE_TIME.format(entry.checkedAt()), entry.number(), entry.result().name(),
                    entry.status() == null ? null : entry.status().name());
        }
    }

    /**
     * The form; opened from the signed QR link of an invoice face ({@code q}, {@code s}) it checks the link's
     * signature and verifies the facts it carries at once, counted and rate-limited like a typed-in check.
     */
    @GetMapping("/verify")
    String form(@RequestParam(required = false) String q, @RequestParam(required = false) String s, Model model,
            HttpServletRequest request, Authentication authentication) {
        if (q == null && s == null) {
            return page(model, request, authentication, Map.of());
        }
        Optional<SignedLinks.LinkedInvoice> linked = links.check(q, s);
        if (linked.isEmpty()) {
            model.addAttribute("outcome", "BAD_LINK");
            return page(model, request, authentication, Map.of());
        }
        SignedLinks.LinkedInvoice invoice = linked.get();
        model.addAttribute("signedLink", true);
        return check(invoice.number(), invoice.issueDate().toString(), invoice.totalAmount().toPlainString(), model,
                request, authentication);
    }

    /** The outcome is one of MATCH, MISMATCH, NOT_FOUND, LOCKED, RATE_LIMITED; field errors redisplay the form. */
    @PostMapping("/verify")
    @RecordedElsewhere("verification_record")
    String verify(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String issueDate,
            @RequestParam(defaultValue = "") String totalAmount, Model model, HttpServletRequest request,
            Authentication authentication) {
        return check(number, issueDate, totalAmount, model, request, authentication);
    }

    private String check(String number, String issueDate, String totalAmount, Model model, HttpServletRequest request,
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

    @GetMapping("/verify/document")
    @PreAuthorize("permitAll()")
    String documentForm(Model model, HttpServletRequest request, Authentication authentication) {
        addUser(model, request, authentication);
        model.addAttribute("maxMegabytes", uploads.maxFileSize().toMegabytes());
        return "verification/document";
    }

    /**
     * The verdict on an uploaded PDF or OFD; a refusal (size, type, rate) is shown on the page, and a file rejected for
     * what it holds (a DTD, a zip bomb) also answers with its 422 or 413 status.
     */
    @PostMapping(path = "/verify/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("permitAll()")
    String document(@RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletRequest request,
            HttpServletResponse response, Authentication authentication) {
        try {
            model.addAttribute("verdict", documents.verify(Verifier.of(request, authentication), uploads.read(file)));
        } catch (InvalidInputException e) {
            model.addAttribute("problem", "invalid");
        } catch (ErrorResponseException e) {
            model.addAttribute("problem", "tooLarge");
        } catch (UploadRejected e) {
            response.setStatus(e.reason().status().value());
            model.addAttribute("problem", "rejected");
            model.addAttribute("rejected", rejections.message(e, org.springframework.web.servlet.support.RequestContextUtils.getLocale(request)));
        } catch (VerificationRefused e) {
            model.addAttribute("problem", "rateLimited");
            model.addAttribute("retryAfter", e.retryAfterSeconds());
        }
        return documentForm(model, request, authentication);
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
