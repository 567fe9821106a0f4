package dev.fapiaoflow.status;

/** One part of the service as the status page shows it; public because the page template reads it. */
public record ServiceState(String name, State state, long incidents) {

    public enum State { OPERATIONAL, DEGRADED, MAINTENANCE }
}
