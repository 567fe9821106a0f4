package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Numbering and splitting: {@code region} and {@code channel} go into every invoice number; an invoice's
 * total including tax (价税合计) stays at or below {@code maxTotalPerInvoice} unless a single line is larger.
 */
@Validated
@ConfigurationProperties("fapiaoflow.issuance")
public record IssuanceProperties(
        @Pattern(regexp = "\\d{2}") @DefaultValue("11") String region,
        @Pattern(regexp = "\\d") @DefaultValue("0") String channel,
        @NotNull @Positive @DefaultValue("100000.00") BigDecimal maxTotalPerInvoice) {
}
