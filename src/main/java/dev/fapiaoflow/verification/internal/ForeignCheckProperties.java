package dev.fapiaoflow.verification.internal;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Checks of foreign invoices through the provider: {@code checksPerInvoicePerDay} is the national limit (5 checks of
 * one invoice per day, China's day), counted across nodes; a check with the very same facts within {@code reuseWithin}
 * is answered from our record instead of asking (and paying) the provider again.
 */
@Validated
@ConfigurationProperties("fapiaoflow.verification.foreign")
public record ForeignCheckProperties(@Positive @DefaultValue("5") int checksPerInvoicePerDay,
        @NotNull @DefaultValue("PT10M") Duration reuseWithin) {
}
