package dev.fapiaoflow.verification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/** Anomaly flags for finance (README "Anomaly flags"): the list with filters, and acknowledgement with a note. */
@RestController
@RequestMapping("/api/anomaly-flags")
@PreAuthorize("hasAnyAuthority('finance-reviewer', 'finance-manager')")
class AnomalyFlagController {

    static final int MAX_PAGE_SIZE = 100;

    private final AnomalyFlags flags;

    AnomalyFlagController(AnomalyFlags flags) {
        this.flags = flags;
    }

    /** A flag with links to its invoice and the invoice's timeline. */
    record FlagJson(long id, AnomalyKind kind, String state, long invoiceId, String invoiceNumber, Instant raisedAt,
            int evidence, String detail, Instant acknowledgedAt, String acknowledgedBy, String note, Links links) {

        static FlagJson of(AnomalyFlagView f) {
            return new FlagJson(f.id(), f.kind(), f.open() ? "OPEN" : "ACKNOWLEDGED", f.invoiceId(), f.invoiceNumber(),
                    f.raisedAt(), f.evidence(), f.detail(), f.acknowledgedAt(), f.acknowledgedBy(), f.note(),
                    new Links("/api/invoices/" + f.invoiceId(), "/api/invoices/" + f.invoiceId() + "/timeline",
                            "/invoices/" + f.invoiceId() + "/timeline"));
        }
    }

    record Links(String invoice, String timeline, String page) {
    }

    record Acknowledgement(String note) {
    }

    @GetMapping
    List<FlagJson> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String state,
            @RequestParam(required = false) Long invoiceId, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        List<FieldError> errors = new ArrayList<>();
        AnomalyFilter filter = filter(kind, from, to, state, errors);
        filter = new AnomalyFilter(filter.kind(), filter.from(), filter.to(), filter.open(), invoiceId);
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", Texts.of("field.size.between", MAX_PAGE_SIZE)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return flags.list(filter, page, size).stream().map(FlagJson::of).toList();
    }

    @PostMapping("/{id}/acknowledge")
    FlagJson acknowledge(@PathVariable long id, @RequestBody(required = false) Acknowledgement body, Authentication user) {
        return FlagJson.of(flags.acknowledge(id, user.getName(), body == null ? null : body.note()));
    }

    /** Parses the filter fields shared by the API and the page; what does not parse goes into {@code errors}. */
    static AnomalyFilter filter(String kind, String from, String to, String state, List<FieldError> errors) {
        AnomalyKind parsedKind = null;
        if (kind != null && !kind.isBlank()) {
            try {
                parsedKind = AnomalyKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "one of " + List.of(AnomalyKind.values())));
            }
        }
        LocalDate fromDay = day("from", from, errors);
        LocalDate toDay = day("to", to, errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add(new FieldError("to", Texts.of("range.to.beforeFrom", fromDay)));
        }
        Boolean open = null;
        if (state != null && !state.isBlank()) {
            switch (state.strip().toUpperCase(Locale.ROOT)) {
                case "OPEN" -> open = true;
                case "ACKNOWLEDGED" -> open = false;
                default -> errors.add(new FieldError("state", Texts.of("anomaly.state.invalid")));
            }
        }
        return new AnomalyFilter(parsedKind, fromDay, toDay, open, null);
    }

    private static LocalDate day(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "a date yyyy-MM-dd"));
            return null;
        }
    }
}
