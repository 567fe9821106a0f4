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
 * The refusals of a check, for the verification API and the incoming-invoice ledger alike, in the caller's language:
 * 422 without a provider for an invoice we did not issue (only our own invoices can be checked); and, from the one
 * {@link VerificationRefused}, 429 over the caller's rate limit or for a number locked for the day, 429 once the
 * invoice's national checks of today are used, 503 while the provider cannot answer; each with {@code Retry-After}.
 */
@RestControllerAdvice(assignableTypes = {VerificationController.class, IncomingInvoiceController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class VerificationProblems {

    private final MessageSource messages;

    VerificationProblems(MessageSource messages) {
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

    @ExceptionHandler(VerificationRefused.class)
    ResponseEntity<ProblemDetail> refused(VerificationRefused e, Locale locale) {
        HttpStatus status = e.reason() == VerificationRefused.Reason.PROVIDER_UNAVAILABLE ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.TOO_MANY_REQUESTS;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        switch (e.reason()) {
            case LOCKED -> {
                problem.setType(URI.create("https://fapiaoflow.dev/problems/verification-locked"));
                problem.setTitle(Texts.of("verify.locked.title"));
                problem.setDetail(Texts.of("verify.locked.detail"));
                problem.setProperty("result", VerificationResult.LOCKED);
            }
            case RATE_LIMITED -> {
                problem.setType(URI.create("https://fapiaoflow.dev/problems/rate-limited"));
                problem.setTitle(Texts.of("verify.rateLimited.title"));
                problem.setDetail(Texts.of("verify.rateLimited.detail", e.retryAfterSeconds()));
            }
            case DAILY_LIMIT -> provider(problem, "daily-check-limit", "verify.foreign.dailyLimit", locale);
            case PROVIDER_UNAVAILABLE -> provider(problem, "provider-unavailable", "verify.foreign.providerUnavailable", locale);
        }
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }

    private void provider(ProblemDetail problem, String type, String key, Locale locale) {
        problem.setType(URI.create("https://fapiaoflow.dev/problems/" + type));
        problem.setTitle(messages.getMessage(key + ".title", null, locale));
        problem.setDetail(messages.getMessage(key + ".detail", null, locale));
    }
}
