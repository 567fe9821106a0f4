package dev.fapiaoflow.shared;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.persistence.PersistenceException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 answers for the JSON API, with {@code errors: [{field, message}]} for invalid fields. */
@RestControllerAdvice(basePackages = "dev.fapiaoflow")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** about how long a database restart or failover takes */
    private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return invalid(e.errors());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle(Texts.of("problem.conflict.title"));
        return problem;
    }

    @ExceptionHandler(OverloadedException.class)
    ResponseEntity<ProblemDetail> overloaded(OverloadedException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle(Texts.of("problem.overloaded.title"));
        problem.setType(URI.create("https://fapiaoflow.dev/problems/overloaded"));
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(problem);
    }

    /**
     * The database is away (restart, failover): 503 with Retry-After, as for load shedding, instead of a 500. The
     * transaction did not commit, or its commit was cut off with the connection; either way the client sends the same
     * request again, with the same Idempotency-Key where the API takes one, and nothing is stored twice. Any other
     * failure of these kinds goes on as before.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            RecoverableDataAccessException.class, ProcessEngineException.class, PersistenceException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        if (!DatabaseOutage.causedBy(e)) {
            throw e;
        }
        return overloaded(new OverloadedException(Texts.of("problem.database.unavailable"), DATABASE_RETRY_AFTER));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, Texts.of("problem.notFound.detail"));
        problem.setTitle(Texts.of("problem.notFound.title"));
        problem.setProperty("resource", e.what());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, Texts.of("problem.invalid.detail"));
        problem.setTitle(Texts.of("problem.invalid.title"));
        problem.setType(URI.create("https://fapiaoflow.dev/problems/invalid-input"));
        problem.setProperty("errors", errors);
        return problem;
    }
}
