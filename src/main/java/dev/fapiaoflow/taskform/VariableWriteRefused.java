package dev.fapiaoflow.taskform;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A variable write the policy refuses. A {@link FormFieldValidationException}, so Camunda REST answers 400 for
 * task completions and form submissions by itself (also in Tasklist, under {@code /camunda/api/engine}), and
 * {@code EngineRestRefusals} does for the variable endpoints; the app's pages show the message.
 */
public class VariableWriteRefused extends FormFieldValidationException {

    private static final long serialVersionUID = 1L;

    VariableWriteRefused(String variable, String message) {
        super(variable, message);
    }

    /** the first variable refused */
    public String variable() {
        return getDetail();
    }
}
