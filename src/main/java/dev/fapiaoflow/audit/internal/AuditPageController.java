package dev.fapiaoflow.audit.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.fapiaoflow.audit.AuditEntry;
import dev.fapiaoflow.audit.AuditLog;
import dev.fapiaoflow.audit.ChainCheck;
import dev.fapiaoflow.shared.FieldError;

/** The page /audit: the trail newest first with filters and paging, and a button that checks the chain. */
@Controller
@PreAuthorize("hasAuthority('admin')")
class AuditPageController {

    private static final int PAGE_SIZE = 50;

    private final AuditQueries queries;
    private final AuditStore store;
    private final AuditLog audit;

    AuditPageController(AuditQueries queries, AuditStore store, AuditLog audit) {
        this.queries = queries;
        this.store = store;
        this.audit = audit;
    }

    @GetMapping("/audit")
    String list(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String objectType, @RequestParam(defaultValue = "") String objectId,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "0") int page, Model model, Authentication user) {
        List<FieldError> errors = new ArrayList<>();
        AuditQueries.Filter filter = AuditController.filter(actor, action, objectType, objectId, from, to, errors);
        int current = Math.max(page, 0);
        List<AuditEntry> rows = errors.isEmpty() ? queries.find(filter, current, PAGE_SIZE) : List.of();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("actor", actor);
        form.put("action", action);
        form.put("objectType", objectType);
        form.put("objectId", objectId);
        form.put("from", from);
        form.put("to", to);
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("page", current);
        model.addAttribute("hasNext", rows.size() == PAGE_SIZE);
        model.addAttribute("query", form.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        model.addAttribute("user", user.getName());
        model.addAttribute("staff", true);
        return "audit/audit";
    }

    @PostMapping("/audit/chain-check")
    String check(Model model, Authentication user) {
        ChainCheck.Result result = store.verify();
        audit.record("AUDIT CHAIN CHECK", "audit-chain", null, result.intact() ? "intact, " + result.entriesChecked() + " entries"
                : "broken at " + result.brokenSeq() + ": " + result.problem());
        model.addAttribute("check", result);
        return list("", "", "", "", "", "", 0, model, user);
    }
}
