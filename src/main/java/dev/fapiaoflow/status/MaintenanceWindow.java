package dev.fapiaoflow.status;

import java.time.Instant;

/** A period when the service is being maintained, with the words users read; times are instants (shown in Beijing time). */
public record MaintenanceWindow(long id, Instant startsAt, Instant endsAt, String message, String createdBy) {

    public boolean coversTime(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
