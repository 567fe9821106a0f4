package dev.fapiaoflow.platform;

/**
 * Which serials we sent to the platform (the issuance feature keeps them). The result callback is unsigned, so a
 * callback about any other serial is answered without effect: it costs no query of the platform.
 */
public interface PlatformSubmissions {

    boolean submitted(String serial);
}
