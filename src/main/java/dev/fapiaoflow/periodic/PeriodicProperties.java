package dev.fapiaoflow.periodic;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cron}: when the periodic run starts (Camunda's cron: seconds minutes hours day-of-month month
 * day-of-week, in the JVM's time zone). The default, 02:00 on the 1st, invoices the month just ended.
 */
@Validated
@ConfigurationProperties("fapiaoflow.periodic")
public record PeriodicProperties(@NotBlank @DefaultValue("0 0 2 1 * ?") String cron) {
}
