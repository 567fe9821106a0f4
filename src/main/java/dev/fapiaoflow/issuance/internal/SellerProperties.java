package dev.fapiaoflow.issuance.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.fapiaoflow.buyer.TaxpayerKind;

/**
 * The school as seller (销售方), printed on every invoice; {@code taxpayerStatus} picks the rates of the
 * tax-classification table (a small-scale taxpayer charges the reduced levy rate).
 */
@Validated
@ConfigurationProperties("fapiaoflow.seller")
public record SellerProperties(
        @NotBlank String name,
        @NotBlank String taxId,
        String address,
        String bank,
        @NotBlank String issuer,
        @NotNull @DefaultValue("GENERAL") TaxpayerKind taxpayerStatus) {
}
