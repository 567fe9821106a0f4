package dev.fapiaoflow.platform.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The e-invoice platform account ({@code fapiaoflow.platform.*}). A blank {@code base-url} with the simulator enabled
 * means the simulator of this application. The app key and secret have no default: the secret signs our calls and is
 * the only thing that authenticates the platform's callbacks, so a published one would let anyone forge results;
 * {@link PlatformAccountCheck} refuses to start in platform mode without them.
 */
@ConfigurationProperties("fapiaoflow.platform")
public record PlatformProperties(
        String baseUrl,
        String appKey,
        String appSecret,
        /** the seller's tax id at the platform (userTax) */
        String userTax,
        @DefaultValue("PT10S") Duration timeout,
        /** how long to wait for the callback before asking the platform (the fallback poll) */
        @DefaultValue("PT1M") Duration pollInterval,
        /** a serial still without a final answer after this long raises an incident */
        @DefaultValue("PT24H") Duration giveUpAfter,
        /** issue calls per serial per day (Asia/Shanghai); platforms throttle and bill repeated calls */
        @DefaultValue("20") int maxDailyAttempts,
        /** callbacks older (or newer) than this are refused as replays */
        @DefaultValue("PT10M") Duration callbackMaxAge,
        @DefaultValue Simulator simulator) {

    public record Simulator(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("0") int port,
            /** where the simulator sends callbacks; blank: this application's /api/platform/callback */
            String callbackUrl,
            @DefaultValue("PT24H") Duration tokenTtl,
            @DefaultValue("PT0S") Duration processingTime) {
    }

    /** the simulator is the platform: no base URL of a real one, and the simulator on */
    boolean simulatorIsThePlatform() {
        return (baseUrl == null || baseUrl.isBlank()) && simulator.enabled();
    }
}
