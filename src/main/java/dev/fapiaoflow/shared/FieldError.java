package dev.fapiaoflow.shared;

/** One invalid input field, as reported in a ProblemDetail's {@code errors} array. */
public record FieldError(String field, String message) {
}
