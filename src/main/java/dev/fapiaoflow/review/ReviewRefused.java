package dev.fapiaoflow.review;

import org.camunda.bpm.engine.ProcessEngineException;

/** A review task may not be completed (or claimed) this way; the engine rolls back and the task stays open. */
public class ReviewRefused extends ProcessEngineException {

    ReviewRefused(String message) {
        super(message);
    }
}
