package dev.fapiaoflow.review;

import org.camunda.bpm.engine.BadUserRequestException;

/** A review task may not be completed (or claimed) this way; the engine rolls back, the task stays open, and Camunda REST answers 400. */
public class ReviewRefused extends BadUserRequestException {

    ReviewRefused(String message) {
        super(message);
    }
}
