package dev.fapiaoflow.security;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login throttling ({@code fapiaoflow.security.login.*}, see {@link LoginThrottle}): after a failed password from one
 * client address, that address waits {@code firstDelay} before it may try the account again, doubling with each
 * further failure up to {@code maxDelay}; {@code accountLockFailures} failures from all addresses together lock the
 * account for {@code accountLock}; a failure older than {@code forgetAfter} no longer counts.
 */
@Validated
@ConfigurationProperties("fapiaoflow.security.login")
record LoginProperties(@NotNull @DefaultValue("PT3S") Duration firstDelay,
        @NotNull @DefaultValue("PT15M") Duration maxDelay,
        @Positive @DefaultValue("50") int accountLockFailures,
        @NotNull @DefaultValue("PT15M") Duration accountLock,
        @NotNull @DefaultValue("PT24H") Duration forgetAfter) {
}
