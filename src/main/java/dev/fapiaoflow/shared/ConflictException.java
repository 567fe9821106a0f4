package dev.fapiaoflow.shared;

/** The request clashes with the current state (an order already requested, say); answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
