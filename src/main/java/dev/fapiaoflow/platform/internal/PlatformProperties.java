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
        /** the seller's tax id at the platform (userTax); blank: {@code seller-tax-id} */
        String userTax,
        @DefaultValue("PT10S") Duration timeout,
        /** how long to wait for the callback before asking the platform (the fallback poll) */
        @DefaultValue("PT1M") Duration pollInterval,
        /** a serial still without a final answer after this long raises an incident */
        @DefaultValue("PT24H") Duration giveUpAfter,
        /** issue calls per serial per day (Asia/Shanghai); platforms throttle and bill repeated calls */
        @DefaultValue("20") int maxDailyAttempts,
        @DefaultValue Simulator simulator,
        /**
         * the school's own tax id at the platform (销方税号, salerTaxNum): every invoice goes out as this seller; required
         * in platform mode (see {@link PlatformSellerCheck})
         */
        String sellerTaxId,
        /** calls per second the platform allows this application, shared by all nodes (see PlatformRateLimiter) */
        @DefaultValue("10") int ratePerSecond,
        /** how long a call may wait for the rate before its job gives up and retries later */
        @DefaultValue("PT2S") Duration rateWait,
        /** invoice-making calls (issue, red-letter confirmation) per day (Asia/Shanghai) the account may make */
        @DefaultValue("5000") int dailyQuota,
        /**
         * the least time between two queries a callback about the same serial may cause: the documented callback is
         * unsigned, so repeating one must not spend the rate and quota that issuing needs
         */
        @DefaultValue("PT10S") Duration callbackQueryInterval) {

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
