package dev.fapiaoflow.verification.internal;

/** An upload that is refused as a whole: 400 for what it holds, 413 for its size. No row of it is stored. */
public class UploadRefused extends RuntimeException {

    private final boolean tooLarge;

    private UploadRefused(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public static UploadRefused invalid(String message) {
        return new UploadRefused(message, false);
    }

    public static UploadRefused tooLarge(String message) {
        return new UploadRefused(message, true);
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
