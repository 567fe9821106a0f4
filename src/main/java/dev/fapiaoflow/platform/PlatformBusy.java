package dev.fapiaoflow.platform;

/**
 * The platform cannot take the call now: our side of its rate or daily quota is spent, or it answered "slow down"
 * (HTTP 429/503). Nothing was issued; the job throwing it is retried later by the engine.
 */
public class PlatformBusy extends IllegalStateException {

    public PlatformBusy(String message) {
        super(message);
    }
}
