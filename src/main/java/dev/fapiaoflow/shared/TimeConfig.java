package dev.fapiaoflow.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Times are stored in UTC and shown in Asia/Shanghai. */
@Configuration
public class TimeConfig {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
