package dev.fapiaoflow.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code fapiaoflow.delivery.*}: how long after posting a paper invoice counts as received without a confirmation. */
@ConfigurationProperties("fapiaoflow.delivery")
record DeliveryProperties(@DefaultValue("P10D") String receiptTimeout) {
}
