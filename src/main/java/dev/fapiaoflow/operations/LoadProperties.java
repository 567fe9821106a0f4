package dev.fapiaoflow.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that make a node answer 503 instead of taking more work than it can finish.
 *
 * @param maxSubmissionsInFlight new invoice requests a node stores at the same time (each holds a database connection:
 *                               keep it well below the pool); one more waits up to {@code submissionWait}, then is refused
 * @param submissionWait         how long a new request may wait for one of those places
 * @param maxExecutableJobs      engine jobs due and waiting (all nodes, shared database) above which new requests are
 *                               refused, so a backlog cannot grow without bound; 0 turns this check off
 * @param retryAfter             what the 503's {@code Retry-After} tells the client
 */
@ConfigurationProperties("fapiaoflow.load")
public record LoadProperties(@DefaultValue("8") int maxSubmissionsInFlight,
        @DefaultValue("PT1S") Duration submissionWait,
        @DefaultValue("500") int maxExecutableJobs,
        @DefaultValue("PT2S") Duration retryAfter) {
}
