package dev.fapiaoflow.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code fapiaoflow.review.*}: escalation after working days, the supplement deadline, the managers' address. */
@ConfigurationProperties("fapiaoflow.review")
record ReviewProperties(@DefaultValue("2") int escalationWorkingDays, @DefaultValue("P7D") String supplementTimeout,
        @DefaultValue("finance-managers@school.example") String managersEmail) {
}
