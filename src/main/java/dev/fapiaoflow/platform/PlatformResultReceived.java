package dev.fapiaoflow.platform;

/** A result callback made us ask the platform about {@code serial}, and its answer changed what we knew (now stored). */
public record PlatformResultReceived(String serial, PlatformResult.Status status) {
}
