package dev.fapiaoflow.periodic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bean the periodic model's timer start event reads as {@code ${periodicConfig.cron}}. */
@Configuration
class PeriodicSetup {

    @Bean
    PeriodicConfig periodicConfig(PeriodicProperties properties) {
        return new PeriodicConfig(properties.cron());
    }
}
