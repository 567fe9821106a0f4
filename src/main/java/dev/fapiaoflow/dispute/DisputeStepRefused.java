package dev.fapiaoflow.dispute;

import org.camunda.bpm.engine.BadUserRequestException;

/** A dispute task may not be completed this way; the engine rolls back, the task stays open, Camunda REST answers 400. */
public class DisputeStepRefused extends BadUserRequestException {

    DisputeStepRefused(String message) {
        super(message);
    }
}
