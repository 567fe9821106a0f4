package dev.fapiaoflow.request;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.PrintedBuyer;

/** The buyer details a request had before the customer supplied corrected ones (encrypted like the request's). */
@Entity
@Table(name = "buyer_supplement")
class BuyerSupplement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", updatable = false)
    private Long requestId;

    @Embedded
    private PrintedBuyer previous;

    /** what the reviewer had asked for */
    @Column(name = "asked_for")
    private String askedFor;

    @Column(name = "supplied_at")
    private Instant suppliedAt;

    protected BuyerSupplement() {
    }

    BuyerSupplement(long requestId, PrintedBuyer previous, String askedFor, Instant suppliedAt) {
        this.requestId = requestId;
        this.previous = previous;
        this.askedFor = askedFor;
        this.suppliedAt = suppliedAt;
    }

    RequestForReview.Supplement view() {
        BuyerDetails before = previous.details(null, null);
        return new RequestForReview.Supplement(before, askedFor, suppliedAt);
    }
}
