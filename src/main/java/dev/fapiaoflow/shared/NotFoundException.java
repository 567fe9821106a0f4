package dev.fapiaoflow.shared;

/**
 * Nothing there, or nothing the caller may see: both answer 404 so that ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    private final String what;

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
        this.what = what;
    }

    /** what kind of thing was asked for (for the log and the answer's {@code resource}); the answer's words come from the bundles */
    public String what() {
        return what;
    }
}
