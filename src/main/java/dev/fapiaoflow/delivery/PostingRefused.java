package dev.fapiaoflow.delivery;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A posting with a malformed courier or tracking number. A form-field validation failure, because Camunda REST
 * answers that one with 400 when completing a task (any other engine exception becomes 500); the task stays open.
 */
class PostingRefused extends FormFieldValidationException {

    PostingRefused(String field, String message) {
        super(field, message);
    }
}
