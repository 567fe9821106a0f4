package dev.fapiaoflow.platform;

/**
 * The platform answered with an error code that repeating the same call will not cure (bad data, daily limit of
 * our own); a job throwing it still retries, then raises an incident for an operator.
 */
public class PlatformRefused extends RuntimeException {

    private final String code;

    public PlatformRefused(String code, String message) {
        super("platform refused (" + code + "): " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
