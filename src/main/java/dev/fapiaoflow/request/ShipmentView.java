package dev.fapiaoflow.request;

import java.time.Instant;

/** {@code shipment} of a request posted on paper; {@code receivedAt} stays null until it arrived. */
public record ShipmentView(String courier, String trackingNumber, Instant postedAt, Instant receivedAt) {

    public boolean received() {
        return receivedAt != null;
    }
}
