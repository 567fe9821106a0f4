package dev.fapiaoflow.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bean the delivery model's receipt timer reads; process tests register their own under the same name. */
@Configuration
class DeliverySetup {

    @Bean
    DeliveryConfig deliveryConfig(DeliveryProperties properties) {
        return new DeliveryConfig(properties.receiptTimeout());
    }
}
