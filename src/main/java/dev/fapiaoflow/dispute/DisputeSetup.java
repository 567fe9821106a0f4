package dev.fapiaoflow.dispute;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DisputeSetup {

    @Bean
    DisputeConfig disputeConfig(DisputeProperties properties) {
        return new DisputeConfig(properties.sla());
    }
}
