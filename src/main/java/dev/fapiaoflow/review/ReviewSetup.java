package dev.fapiaoflow.review;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bean the approval model's timers read as {@code ${reviewConfig...}}. */
@Configuration
class ReviewSetup {

    @Bean
    ReviewConfig reviewConfig(ReviewProperties properties) {
        return new ReviewConfig(properties.escalationWorkingDays(), properties.supplementTimeout());
    }
}
