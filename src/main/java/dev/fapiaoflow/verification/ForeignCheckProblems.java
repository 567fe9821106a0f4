package dev.fapiaoflow.verification;

import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.fapiaoflow.shared.Texts;

/**
 * The refusals of a foreign check, for the verification API and the incoming-invoice ledger alike, in the caller's
 * language: 422 without a provider (only our own invoices can be checked), 429 once the invoice's national checks of
 * today are used, 503 while the provider cannot answer, 429 over the caller's rate limit.
 */
@RestControllerAdvice(assignableTypes = {VerificationController.class, IncomingInvoiceController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForeignCheckProblems {

    private final MessageSource messages;

    ForeignCheckProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NoVerificationProvider.class)
    ResponseEntity<ProblemDetail> noProvider(NoVerificationProvider e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        problem.setType(URI.create("https://fapiaoflow.dev/problems/no-verification-provider"));
        problem.setTitle(messages.getMessage("verify.foreign.noProvider.title", null, locale));
        problem.setDetail(messages.getMessage("verify.foreign.noProvider.detail", null, locale));
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(ForeignCheckRefused.class)
    ResponseEntity<ProblemDetail> refused(ForeignCheckRefused e, Locale locale) {
        boolean limit = e.reason() == ForeignCheckRefused.Reason.DAILY_LIMIT;
        HttpStatus status = limit ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(limit ? "https://fapiaoflow.dev/problems/daily-check-limit"
                : "https://fapiaoflow.dev/problems/provider-unavailable"));
        String key = limit ? "verify.foreign.dailyLimit" : "verify.foreign.providerUnavailable";
        problem.setTitle(messages.getMessage(key + ".title", null, locale));
        problem.setDetail(messages.getMessage(key + ".detail", null, locale));
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(VerificationRefused.class)
    ResponseEntity<ProblemDetail> rateLimited(VerificationRefused e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
        problem.setType(URI.create("https://fapiaoflow.dev/problems/rate-limited"));
        problem.setTitle(Texts.of("verify.rateLimited.title"));
        problem.setDetail(Texts.of("verify.rateLimited.detail", e.retryAfterSeconds()));
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }
}
