package dev.fapiaoflow.verification.internal;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduled re-check of the incoming-invoice ledger ({@code bpmn/incoming-invoice-recheck.bpmn}): it runs on
 * {@code cycle} (a Camunda cron or ISO-8601 cycle, read again each time it fires) and re-checks at most
 * {@code batchSize} entries last checked longer than {@code staleAfter} ago, the longest unchecked first. With the
 * defaults (hourly, 100) a ledger of 10,000 open invoices is gone through in about four days, inside the seven.
 */
@Validated
@ConfigurationProperties("fapiaoflow.verification.recheck")
public record RecheckProperties(@NotBlank @DefaultValue("0 0 * * * ?") String cycle,
        @NotNull @DefaultValue("P7D") Duration staleAfter,
        @Positive @DefaultValue("100") int batchSize) {
}
