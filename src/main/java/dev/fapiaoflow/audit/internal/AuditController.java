package dev.fapiaoflow.audit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.audit.AuditEntry;
import dev.fapiaoflow.audit.AuditLog;
import dev.fapiaoflow.audit.ChainCheck;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/**
 * The audit trail for administrators: search it, check that no entry was changed or removed, and download this
 * node's signed anchors to check the chain later (or elsewhere) with {@code AuditChainCommand}.
 */
@RestController
@PreAuthorize("hasAuthority('admin')")
class AuditController {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final AuditQueries queries;
    private final AuditStore store;
    private final AuditLog audit;
    private final AnchorFile anchors;

    AuditController(AuditQueries queries, AuditStore store, AuditLog audit, AnchorFile anchors) {
        this.queries = queries;
        this.store = store;
        this.audit = audit;
        this.anchors = anchors;
    }

    @GetMapping("/api/audit")
    List<AuditEntry> find(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<FieldError> errors = new ArrayList<>();
        AuditQueries.Filter filter = filter(actor, action, objectType, objectId, from, to, errors);
        if (page < 0) {
            errors.add(new FieldError("page", Texts.of("field.page.negative")));
        }
        if (size < 1 || size > 500) {
            errors.add(new FieldError("size", Texts.of("field.size.between", 500)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return queries.find(filter, page, size);
    }

    /** Walks the whole chain; the check itself is recorded too. */
    @GetMapping("/api/audit/chain")
    ChainCheck.Result verify() {
        ChainCheck.Result result = store.verify();
        audit.record("AUDIT CHAIN CHECK", "audit-chain", null, result.intact() ? "intact, " + result.entriesChecked() + " entries"
                : "broken at " + result.brokenSeq() + ": " + result.problem());
        return result;
    }

    /** This node's anchor file as it is on disk (text, one signed anchor a line). */
    @GetMapping("/api/audit/anchors")
    ResponseEntity<Resource> anchors() {
        FileSystemResource file = new FileSystemResource(anchors.path());
        if (!file.exists()) {
            throw new NotFoundException("audit anchor file", "(no anchor written yet on this node)");
        }
        audit.record("AUDIT ANCHORS DOWNLOAD", "audit-chain", null, null);
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("audit-anchors.log").build().toString())
                .body(file);
    }

    static AuditQueries.Filter filter(String actor, String action, String objectType, String objectId, String from, String to,
            List<FieldError> errors) {
        return new AuditQueries.Filter(blankToNull(actor), blankToNull(action), blankToNull(objectType), blankToNull(objectId),
                moment(from, "from", false, errors), moment(to, "to", true, errors));
    }

    /** a date (Shanghai; "to" includes the whole day) or an ISO instant */
    private static Instant moment(String value, String field, boolean endOfDay, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(SHANGHAI).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, Texts.of("audit.date.format")));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
