package dev.fapiaoflow.verification;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.fapiaoflow.shared.NotFoundException;

/**
 * The incoming-invoice ledger for finance: submit a received invoice (typed in, or its file), list the ledger. A new
 * entry is {@code 201}; an invoice already in the ledger {@code 200} with {@code duplicate: true}. The foreign check's
 * refusals (422 without provider, 429, 503, 400) are answered by {@link VerificationController}'s handlers, shared
 * through {@link VerificationProblems}.
 */
@RestController
@RequestMapping("/api/incoming-invoices")
@PreAuthorize("hasAnyAuthority('finance-reviewer', 'finance-manager')")
class IncomingInvoiceController {

    private final IncomingInvoices ledger;
    private final DocumentUploads uploads;

    IncomingInvoiceController(IncomingInvoices ledger, DocumentUploads uploads) {
        this.ledger = ledger;
        this.uploads = uploads;
    }

    @GetMapping
    List<IncomingInvoice> list() {
        return ledger.list();
    }

    /** The entry, its status history and the provider's raw answer (audit): finance, and administrators. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('finance-reviewer', 'finance-manager', 'admin')")
    IncomingInvoiceDetail detail(@PathVariable long id) {
        return ledger.detail(id);
    }

    @GetMapping("/{id}/file")
    @PreAuthorize("hasAnyAuthority('finance-reviewer', 'finance-manager', 'admin')")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        IncomingInvoices.StoredFile file = ledger.file(id).orElseThrow(() -> new NotFoundException("incoming-invoice-file", id));
        boolean pdf = "PDF".equals(file.format());
        return ResponseEntity.ok().contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("incoming-" + id + (pdf ? ".pdf" : ".ofd")).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IncomingRegistration> submit(@RequestBody VerificationController.ForeignCheckRequest body, HttpServletRequest request,
            Authentication authentication) {
        return answer(ledger.submit(Verifier.of(request, authentication), body.kind(), body.code(), body.number(), body.issueDate(),
                body.totalAmount(), body.amountExcludingTax(), body.checkCode()));
    }

    /** No {@code consumes}: a caller without the role gets 403 whatever it sends, before the body is read. */
    @PostMapping("/document")
    ResponseEntity<IncomingRegistration> submitDocument(@RequestParam(name = "file", required = false) MultipartFile file,
            HttpServletRequest request, Authentication authentication) {
        return answer(ledger.submitDocument(Verifier.of(request, authentication), uploads.read(file)));
    }

    private static ResponseEntity<IncomingRegistration> answer(IncomingRegistration registration) {
        boolean created = registration.registered() && !registration.duplicate();
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(registration);
    }
}
