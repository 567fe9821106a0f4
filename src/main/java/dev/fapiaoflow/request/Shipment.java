package dev.fapiaoflow.request;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A posted paper invoice: courier and tracking number (not personal data), then its receipt. */
@Entity
@Table(name = "invoice_shipment")
class Shipment {

    /** how the receipt became known */
    enum Receipt {
        CONFIRMED_BY_CUSTOMER, ASSUMED_AFTER_TIMEOUT
    }

    @Id
    @Column(name = "request_id")
    private Long requestId;

    private String courier;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(name = "posted_at")
    private Instant postedAt;

    @Column(name = "posted_by")
    private String postedBy;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    private Receipt receipt;

    @Version
    private long version;

    protected Shipment() {
    }

    Shipment(long requestId, String courier, String trackingNumber, String postedBy, Instant at) {
        this.requestId = requestId;
        this.courier = courier;
        this.trackingNumber = trackingNumber;
        this.postedBy = postedBy;
        this.postedAt = at;
    }

    /** once only: a second receipt (customer and timer racing) keeps the first */
    boolean receive(Receipt how, Instant at) {
        if (receivedAt != null) {
            return false;
        }
        this.receipt = how;
        this.receivedAt = at;
        return true;
    }

    ShipmentView view() {
        return new ShipmentView(courier, trackingNumber, postedAt, receivedAt);
    }
}
