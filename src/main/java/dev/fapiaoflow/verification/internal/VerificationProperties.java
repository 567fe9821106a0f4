package dev.fapiaoflow.verification.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Abuse limits of verification. The rate limit is per client and per node (buckets live in memory, at most
 * {@code maxClients} of them); {@code mismatchesPerDay} locks a number for the rest of the day, across nodes.
 */
@Validated
@ConfigurationProperties("fapiaoflow.verification")
public record VerificationProperties(@Valid @DefaultValue RateLimit rateLimit, @Positive @DefaultValue("5") int mismatchesPerDay) {

    public record RateLimit(@Positive @DefaultValue("30") int anonymousPerMinute,
            @Positive @DefaultValue("120") int userPerMinute,
            @Positive @DefaultValue("10000") int maxClients) {
    }
}
