package dev.fapiaoflow.verification.internal;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Abuse limits of verification. The rate limit is per client and per node (buckets live in memory, at most
 * {@code maxClients} of them), and a batch's rows take from its owner's; {@code mismatchesPerDay} locks a number
 * for the rest of the day for the client that failed (user, or anonymous address), across nodes, not for others.
 * {@code anomaly} sets when checks raise flags for finance. {@code batch} bounds uploads (file size, rows) and sets
 * how many rows one transaction of the batch job checks.
 */
@Validated
@ConfigurationProperties("fapiaoflow.verification")
public record VerificationProperties(@Valid @DefaultValue RateLimit rateLimit, @Positive @DefaultValue("5") int mismatchesPerDay,
        @Valid @DefaultValue Batch batch, @Valid @DefaultValue Anomaly anomaly) {

    public record RateLimit(@Positive @DefaultValue("30") int anonymousPerMinute,
            @Positive @DefaultValue("120") int userPerMinute,
            @Positive @DefaultValue("10000") int maxClients) {
    }

    /**
     * When checks raise anomaly flags: {@code distinctParties} clients other than the owner with a MATCH for one
     * invoice (possible double reimbursement); {@code mismatchBurst} MISMATCH answers for one number within
     * {@code mismatchWindow}.
     */
    public record Anomaly(@Min(2) @DefaultValue("2") int distinctParties,
            @Positive @DefaultValue("3") int mismatchBurst,
            @NotNull @DefaultValue("PT1H") Duration mismatchWindow) {
    }

    public record Batch(@NotNull @DefaultValue("10MB") DataSize maxFileSize,
            @Positive @DefaultValue("100000") int maxRows,
            @Positive @DefaultValue("1000") int chunkSize) {
    }
}
