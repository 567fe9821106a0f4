package dev.fapiaoflow.periodic;

import java.time.Instant;

/** A customer's periodic invoicing as the API shows it to them. */
public record PeriodicSubscriptionView(Frequency frequency, long buyerProfileId, String email, Instant subscribedAt,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "PeriodicSubscriptionView[frequency=" + frequency + ", buyerProfileId=" + buyerProfileId + ", email masked]";
    }
}
