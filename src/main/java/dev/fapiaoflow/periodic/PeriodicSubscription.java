package dev.fapiaoflow.periodic;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fapiaoflow.security.EncryptedStringConverter;

/** A customer's opt-in to periodic invoicing: how often, on which saved title, to which address. */
@Entity
@Table(name = "periodic_subscription")
class PeriodicSubscription {

    @Id
    private String customer;

    @Enumerated(EnumType.STRING)
    private Frequency frequency;

    @Column(name = "buyer_profile_id")
    private long buyerProfileId;

    @Convert(converter = EncryptedStringConverter.class)
    private String email;

    @Column(name = "subscribed_at", updatable = false)
    private Instant subscribedAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected PeriodicSubscription() {
    }

    PeriodicSubscription(String customer, Instant now) {
        this.customer = customer;
        this.subscribedAt = now;
    }

    void change(Frequency frequency, long buyerProfileId, String email, Instant now) {
        this.frequency = frequency;
        this.buyerProfileId = buyerProfileId;
        this.email = email;
        this.updatedAt = now;
    }

    String customer() {
        return customer;
    }

    Frequency frequency() {
        return frequency;
    }

    long buyerProfileId() {
        return buyerProfileId;
    }

    String email() {
        return email;
    }

    PeriodicSubscriptionView view() {
        return new PeriodicSubscriptionView(frequency, buyerProfileId, email, subscribedAt, updatedAt);
    }

    @Override
    public String toString() {
        return "PeriodicSubscription[customer=" + customer + ", frequency=" + frequency + ", buyerProfileId="
                + buyerProfileId + ", email masked]";
    }
}
