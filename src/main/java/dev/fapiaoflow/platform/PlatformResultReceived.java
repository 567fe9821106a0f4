package dev.fapiaoflow.platform;

/** A signed callback about {@code serial} was accepted and stored; published after its transaction commits. */
public record PlatformResultReceived(String serial, PlatformResult.Status status) {
}
