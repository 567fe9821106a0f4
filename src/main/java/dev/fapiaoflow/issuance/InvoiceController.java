package dev.fapiaoflow.issuance;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/** API.md "Invoices": the caller's own invoices, or every invoice for the back office. */
@PreAuthorize("isAuthenticated()")
@RestController
@RequestMapping("/api/invoices")
class InvoiceController {

    static final int MAX_PAGE_SIZE = 100;

    private final InvoiceQueries queries;

    InvoiceController(InvoiceQueries queries) {
        this.queries = queries;
    }

    /** Newest first. */
    @GetMapping
    List<InvoiceViews.ListItem> list(Authentication authentication, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", Texts.of("field.size.between", MAX_PAGE_SIZE));
        }
        return queries.list(CurrentUser.of(authentication), page, size);
    }

    @dev.fapiaoflow.audit.AuditedRead(objectType = "invoice")
    @GetMapping("/{id}")
    InvoiceViews.Detail detail(Authentication authentication, @PathVariable long id) {
        return queries.detail(CurrentUser.of(authentication), id);
    }

    @GetMapping("/{id}/history")
    List<InvoiceViews.StatusChange> history(Authentication authentication, @PathVariable long id) {
        return queries.history(CurrentUser.of(authentication), id);
    }

    @dev.fapiaoflow.audit.AuditedRead(objectType = "invoice")
    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(Authentication authentication, @PathVariable long id) {
        InvoiceAttachment pdf = queries.pdf(CurrentUser.of(authentication), id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.fileName()).build().toString())
                .body(pdf.content());
    }

    /** The OFD (GB/T 33190) of the invoice, signed with SM2; same access as the PDF. */
    @dev.fapiaoflow.audit.AuditedRead(objectType = "invoice")
    @GetMapping("/{id}/ofd")
    @org.springframework.security.access.prepost.PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> ofd(Authentication authentication, @PathVariable long id) {
        InvoiceAttachment ofd = queries.ofd(CurrentUser.of(authentication), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ofd.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(ofd.fileName()).build().toString())
                .body(ofd.content());
    }
}
