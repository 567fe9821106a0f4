package dev.fapiaoflow.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.dto.ParseExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Camunda REST ({@code /engine-rest}) answers 400, not 500, when a task listener or delegate refused what the
 * caller asked for: the engine wraps a listener's exception in a plain {@link ProcessEngineException}, and the task
 * resource turns that into a 500 {@link RestException}. These mappers look through the cause chain for a
 * {@link BadUserRequestException} (e.g. the review's four-eyes or comment rule) or a
 * {@link FormFieldValidationException} and answer 400 with its message in Camunda's error format
 * ({@code {"type","message","code"}}). Everything else is answered exactly as Camunda's own handlers would.
 * A priority above the default makes Jersey prefer them over Camunda's mappers for the same exception types.
 * An engine exception marked {@link Unprocessable} (e.g. a model the sandbox refused) answers 422 in the same format
 * (with Camunda's {@code details} per resource for a parse exception, and {@code problems}, one per refused item), so that clients can tell it from a malformed request.
 */
public final class EngineRestRefusals {

    private EngineRestRefusals() {
    }

    /** An engine exception for input that is well-formed but refused by a policy: answered 422, not 400 or 500. */
    public interface Unprocessable {

        /** what was refused, one entry each (answered as {@code problems}); empty when the message says it all */
        default List<?> refusedItems() {
            return List.of();
        }
    }

    /** the policy refusal behind an exception, if there is one */
    static Optional<ProcessEngineException> unprocessableIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof Unprocessable && cause instanceof ProcessEngineException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    static Response unprocessable(ProcessEngineException refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", refusal.getClass().getSimpleName());
        body.put("message", refusal.getMessage());
        if (refusal instanceof ParseException parse) {
            body.put("details", ParseExceptionDto.fromException(parse).getDetails());
        }
        if (refusal instanceof Unprocessable unprocessable && !unprocessable.refusedItems().isEmpty()) {
            body.put("problems", unprocessable.refusedItems());
        }
        return Response.status(422).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** the refusal behind an exception, if there is one */
    static Optional<RuntimeException> refusalIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException) {
                return Optional.of((RuntimeException) cause);
            }
        }
        return Optional.empty();
    }

    static Response badRequest(RuntimeException refusal) {
        ExceptionDto body = new ExceptionDto();
        body.setType(refusal.getClass().getSimpleName());
        body.setMessage(refusal.getMessage());
        return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** what {@code TaskResource.complete}/{@code submit-form} throw: a RestException (500) around the engine's exception */
    @Priority(Priorities.USER - 1000)
    public static class WrappedInRestException implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            Optional<ProcessEngineException> unprocessable = unprocessableIn(exception.getCause());
            if (unprocessable.isPresent()) {
                return unprocessable(unprocessable.get());
            }
            if (exception.getStatus() == null || exception.getStatus().getStatusCode() >= 500) {
                Optional<RuntimeException> refusal = refusalIn(exception.getCause());
                if (refusal.isPresent()) {
                    return badRequest(refusal.get());
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }

    /**
     * what claim, set-assignee, resolve and the like let through: the engine's exception itself, or a refusal the
     * task form policy threw before the command ran
     */
    @Priority(Priorities.USER - 1000)
    public static class Unwrapped implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Optional<ProcessEngineException> unprocessable = unprocessableIn(exception);
            if (unprocessable.isPresent()) {
                return unprocessable(unprocessable.get());
            }
            if (!(exception instanceof BadUserRequestException)) {
                Optional<RuntimeException> refusal = refusalIn(exception);
                if (refusal.isPresent()) {
                    return badRequest(refusal.get());
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }
}
