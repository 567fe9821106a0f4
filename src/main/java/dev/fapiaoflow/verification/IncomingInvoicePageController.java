package dev.fapiaoflow.verification;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;
import dev.fapiaoflow.shared.upload.UploadRejected;

/**
 * The finance page of the incoming-invoice ledger (进项发票台账): the ledger with search and paging, registering a
 * received invoice by its fields or by its file (the QR code's fields are shown for the person to confirm first; the
 * file travels back with the confirmation, so nothing is kept before the check), and each entry's detail.
 */
@Controller
@PreAuthorize("hasAnyAuthority('finance-reviewer', 'finance-manager')")
class IncomingInvoicePageController {

    private static final int PAGE_SIZE = 20;
    private static final List<String> FIELDS = List.of("kind", "code", "number", "issueDate", "totalAmount", "amountExcludingTax",
            "checkCode");

    private final IncomingInvoices ledger;
    private final DocumentUploads uploads;

    IncomingInvoicePageController(IncomingInvoices ledger, DocumentUploads uploads) {
        this.ledger = ledger;
        this.uploads = uploads;
    }

    @GetMapping("/incoming-invoices")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "0") int page, Model model, Authentication user) {
        ForeignInvoiceStatus wanted = null;
        for (ForeignInvoiceStatus s : ForeignInvoiceStatus.values()) {
            if (s.name().equals(status)) {
                wanted = s;
            }
        }
        int current = Math.max(page, 0);
        List<IncomingInvoice> rows = ledger.search(q, wanted, current, PAGE_SIZE);
        model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("q", q);
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("statuses", ForeignInvoiceStatus.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", emptyForm());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        model.addAttribute("maxMegabytes", uploads.maxFileSize().toMegabytes());
        staff(model, user);
        return "verification/incoming";
    }

    /**
     * Reads the uploaded file's QR code and shows its fields for the person to confirm; nothing is checked yet. No
     * {@code consumes}: a caller without the role gets 403 whatever it sends, and a body without a file is told so.
     */
    @PostMapping("/incoming-invoices/read")
    String read(@RequestParam(name = "file", required = false) MultipartFile file, Model model, Authentication user) {
        try {
            byte[] content = uploads.read(file);
            var read = ledger.readQrCode(content);
            if (read.isEmpty()) {
                model.addAttribute("errors", List.of(new FieldError("file", Texts.of("incoming.noQrCode"))));
            } else {
                DocumentVerdict.Invoice qr = read.get();
                Map<String, String> form = emptyForm();
                boolean special = "01".equals(qr.kind()) || "08".equals(qr.kind());
                boolean digital = "31".equals(qr.kind()) || "32".equals(qr.kind());
                form.put("kind", qr.kind());
                form.put("code", qr.code() == null ? "" : qr.code());
                form.put("number", qr.number());
                form.put("issueDate", qr.issueDate().toString());
                form.put("totalAmount", digital ? qr.totalAmount().toPlainString() : "");
                form.put("amountExcludingTax", special ? qr.totalAmount().toPlainString() : "");
                form.put("checkCode", qr.checkCode() == null ? "" : qr.checkCode());
                model.addAttribute("form", form);
                model.addAttribute("fromFile", true);
                model.addAttribute("file64", Base64.getEncoder().encodeToString(content));
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (ErrorResponseException e) {
            model.addAttribute("errors", List.of(new FieldError("file", Texts.of("upload.tooLarge", uploads.maxFileSize().toMegabytes()))));
        } catch (UploadRejected e) {
            model.addAttribute("errors", List.of(new FieldError("file", Texts.of("incoming.noQrCode"))));
        }
        return list("", "", 0, model, user);
    }

    /** Checks the typed or confirmed fields through the provider; a confirmed invoice lands in the ledger (with its file). */
    @PostMapping("/incoming-invoices")
    String register(@RequestParam Map<String, String> params, Model model, HttpServletRequest request, Authentication user,
            RedirectAttributes redirect) {
        Map<String, String> form = emptyForm();
        FIELDS.forEach(f -> form.put(f, params.getOrDefault(f, "").strip()));
        String file64 = params.getOrDefault("file64", "");
        byte[] file = null;
        try {
            if (!file64.isEmpty()) {
                file = Base64.getDecoder().decode(file64);
                if (file.length > uploads.maxFileSize().toBytes()) {
                    throw new InvalidInputException("file", Texts.of("upload.tooLarge", uploads.maxFileSize().toMegabytes()));
                }
            }
            IncomingRegistration registration = ledger.submitConfirmed(Verifier.of(request, user), blankToNull(form.get("kind")),
                    blankToNull(form.get("code")), form.get("number"), form.get("issueDate"), blankToNull(form.get("totalAmount")),
                    blankToNull(form.get("amountExcludingTax")), blankToNull(form.get("checkCode")), file);
            if (registration.registered()) {
                redirect.addFlashAttribute("outcome", registration.duplicate() ? "duplicate" : "registered");
                return "redirect:/incoming-invoices/" + registration.entry().id();
            }
            model.addAttribute("notConfirmed", registration.check().result().name());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (IllegalArgumentException e) {
            model.addAttribute("errors", List.of(new FieldError("file", Texts.of("incoming.noQrCode"))));
        } catch (NoVerificationProvider e) {
            model.addAttribute("refused", "verify.foreign.noProvider.detail");
        } catch (VerificationRefused e) {
            model.addAttribute("refused", switch (e.reason()) {
                case DAILY_LIMIT -> "verify.foreign.dailyLimit.detail";
                case PROVIDER_UNAVAILABLE -> "verify.foreign.providerUnavailable.detail";
                default -> "verify.rateLimited.title";
            });
        }
        model.addAttribute("form", form);
        if (file != null) {
            model.addAttribute("fromFile", true);
            model.addAttribute("file64", file64);
        }
        return list("", "", 0, model, user);
    }

    @GetMapping("/incoming-invoices/{id}")
    @PreAuthorize("hasAnyAuthority('finance-reviewer', 'finance-manager', 'admin')")
    String detail(@PathVariable long id, Model model, Authentication user) {
        model.addAttribute("detail", ledger.detail(id));
        staff(model, user);
        return "verification/incoming-detail";
    }

    private static Map<String, String> emptyForm() {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(f -> form.put(f, ""));
        return form;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void staff(Model model, Authentication user) {
        model.addAttribute("user", user.getName());
        model.addAttribute("staff", true);
    }
}
