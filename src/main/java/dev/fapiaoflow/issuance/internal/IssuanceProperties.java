package dev.fapiaoflow.issuance.internal;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Numbering: {@code region} and {@code channel} go into every invoice number. (The per-invoice limit is a
 * decision table, {@code dmn/invoice-limit.dmn}, read by {@link InvoiceLimit}.)
 */
@Validated
@ConfigurationProperties("fapiaoflow.issuance")
public record IssuanceProperties(
        @Pattern(regexp = "\\d{2}") @DefaultValue("11") String region,
        @Pattern(regexp = "\\d") @DefaultValue("0") String channel) {
}
