package dev.fapiaoflow.modeling.internal;

import java.util.List;

import dev.fapiaoflow.modeling.ModelProblem;

/** A deployment refused because of the problems the checks found; nothing was deployed. */
class ModelRefused extends RuntimeException {

    private final transient ModelChecks.Outcome outcome;

    ModelRefused(ModelChecks.Outcome outcome) {
        super("model refused: " + outcome.problems().stream().map(p -> p.elementId() + ": " + p.message()).toList());
        this.outcome = outcome;
    }

    ModelChecks.Outcome outcome() {
        return outcome;
    }

    List<ModelProblem> problems() {
        return outcome.problems();
    }
}
