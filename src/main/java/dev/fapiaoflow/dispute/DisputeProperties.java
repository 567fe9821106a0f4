package dev.fapiaoflow.dispute;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code fapiaoflow.dispute.*}: the SLA before escalation, and customer service's mailbox. */
@ConfigurationProperties("fapiaoflow.dispute")
record DisputeProperties(@DefaultValue("PT48H") String sla, @DefaultValue("service@school.example") String serviceEmail) {

    DisputeProperties {
        java.time.Duration.parse(sla); // fail at start-up, not when the first timer is created
    }
}
