package dev.fapiaoflow.verification;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import dev.fapiaoflow.shared.Texts;

/**
 * A multipart body is parsed before any controller is chosen, so a broken one, or one over the container's
 * {@code spring.servlet.multipart} limits, reaches only advice that applies to every handler, including none; the
 * package-scoped {@code ApiExceptionHandler} does not, and the upload would end as a 500. Here it is a 400 or 413.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartErrors {

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadable(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return BatchVerificationController.problem(HttpStatus.PAYLOAD_TOO_LARGE, Texts.of("upload.tooLargeUnknown"));
        }
        return BatchVerificationController.problem(HttpStatus.BAD_REQUEST, Texts.of("upload.unreadableMultipart"));
    }
}
