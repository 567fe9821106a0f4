package dev.fapiaoflow.shared;

/**
 * Nothing there, or nothing the caller may see: both answer 404 so that ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
