package dev.fapiaoflow.periodic;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Opting in, or changing the opt-in: {@code PUT /api/periodic-invoicing}. */
public record PeriodicSubscriptionCommand(
        @NotNull Frequency frequency,
        @NotNull Long buyerProfileId,
        @NotBlank @Email @Size(max = 254) String email) {

    @Override
    public String toString() {
        return "PeriodicSubscriptionCommand[frequency=" + frequency + ", buyerProfileId=" + buyerProfileId
                + ", email masked]";
    }
}
