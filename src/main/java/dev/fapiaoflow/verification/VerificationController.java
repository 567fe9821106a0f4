package dev.fapiaoflow.verification;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.fapiaoflow.audit.RecordedElsewhere;
import dev.fapiaoflow.shared.ApiExceptionHandler;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/** API.md "Verification": a check by anyone, and the logged-in verifier's own history. */
@RestController
@RequestMapping("/api/verifications")
class VerificationController {

    static final int MAX_PAGE_SIZE = 100;

    private final VerificationService verifications;
    private final DocumentVerificationService documents;
    private final DocumentUploads uploads;
    private final ForeignVerificationService foreign;

    VerificationController(VerificationService verifications, DocumentVerificationService documents, DocumentUploads uploads,
            ForeignVerificationService foreign) {
        this.foreign = foreign;
        this.verifications = verifications;
        this.documents = documents;
        this.uploads = uploads;
    }

    /** An invoice PDF or OFD (multipart field {@code file}): AUTHENTIC, TAMPERED or NOT_OURS; anyone, rate-limited. */
    @PostMapping(path = "/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("permitAll()")
    DocumentVerdict document(@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
            Authentication authentication) {
        return documents.verify(Verifier.of(request, authentication), uploads.read(file));
    }

    /** Fields as text: {@code totalAmount} may come as a JSON string or number, and every field is checked alike. */
    record CheckRequest(String number, String issueDate, String totalAmount) {
    }

    @PostMapping
    @RecordedElsewhere("verification_record")
    VerificationAnswer verify(@RequestBody CheckRequest body, HttpServletRequest request, Authentication authentication) {
        return verifications.verify(Verifier.of(request, authentication), body.number(), body.issueDate(), body.totalAmount());
    }

    /**
     * An invoice we did not issue, as the national rules ask per kind: {@code kind} 31/32 (数电, the default for a
     * 20-digit number) with {@code totalAmount}; 01/08 (special) with {@code code} and {@code amountExcludingTax};
     * 04/10/11/14 (ordinary) with {@code code} and {@code checkCode} (its last six digits).
     */
    record ForeignCheckRequest(String kind, String code, String number, String issueDate, String totalAmount,
            String amountExcludingTax, String checkCode) {
    }

    @PostMapping("/foreign")
    @PreAuthorize("isAuthenticated()")
    ForeignCheckAnswer foreign(@RequestBody ForeignCheckRequest body, HttpServletRequest request, Authentication authentication) {
        return foreign.check(Verifier.of(request, authentication), body.kind(), body.code(), body.number(), body.issueDate(),
                body.totalAmount(), body.amountExcludingTax(), body.checkCode());
    }

    /** The caller's own checks, newest first. */
    @PreAuthorize("isAuthenticated()")
    @GetMapping("/history")
    List<HistoryEntry> history(Authentication authentication, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", Texts.of("field.size.between", MAX_PAGE_SIZE));
        }
        return verifications.historyOf(authentication.getName(), page, size);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(ApiExceptionHandler.invalid(
                List.of(new FieldError("body", Texts.of("verify.body.unreadable")))));
    }
}
