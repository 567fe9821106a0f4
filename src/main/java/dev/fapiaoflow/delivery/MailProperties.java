package dev.fapiaoflow.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Sender address and the portal link printed in mails. */
@ConfigurationProperties("fapiaoflow.mail")
record MailProperties(@DefaultValue("fapiao@school.example") String from,
        @DefaultValue("FapiaoFlow 发票中心") String fromName,
        @DefaultValue("http://localhost:8080") String portalUrl) {
}
