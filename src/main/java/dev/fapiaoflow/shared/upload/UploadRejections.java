package dev.fapiaoflow.shared.upload;

import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a rejected upload on the JSON API: 422 or 413, a ProblemDetail whose {@code detail} says why in the caller's
 * language (messages.properties, zh-CN by default, en on request), and whose {@code reason} names the rule. The pages
 * call {@link #message} for the same text.
 */
@RestControllerAdvice(basePackages = "dev.fapiaoflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadRejections {

    private final MessageSource messages;

    UploadRejections(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UploadRejected.class)
    ProblemDetail rejected(UploadRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.reason().status(), message(e, LocaleContextHolder.getLocale()));
        problem.setTitle("Upload refused");
        problem.setType(URI.create("https://fapiaoflow.dev/problems/upload-refused"));
        problem.setProperty("reason", e.reason().name());
        return problem;
    }

    public String message(UploadRejected e, Locale locale) {
        return messages.getMessage(e.reason().messageKey(), e.arguments(), e.getMessage(), locale);
    }
}
