package dev.fapiaoflow.accounting.internal;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The chart of accounts the vouchers book to (codes of 企业会计准则's standard chart by default). */
@Validated
@ConfigurationProperties("fapiaoflow.accounting")
public record AccountingProperties(
        @NotBlank @DefaultValue("1122") String receivableCode,
        @NotBlank @DefaultValue("应收账款") String receivableName,
        @NotBlank @DefaultValue("6001") String revenueCode,
        @NotBlank @DefaultValue("主营业务收入") String revenueName,
        @NotBlank @DefaultValue("22210106") String outputVatCode,
        @NotBlank @DefaultValue("应交税费—应交增值税（销项税额）") String outputVatName,
        @NotBlank @DefaultValue("记") String voucherWord) {
}
