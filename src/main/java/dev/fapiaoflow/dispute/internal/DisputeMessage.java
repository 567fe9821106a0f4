package dev.fapiaoflow.dispute.internal;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.fapiaoflow.security.EncryptedStringConverter;

/** One message of a dispute's conversation; the text is encrypted at rest. */
@Entity
@Table(name = "dispute_message")
public class DisputeMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long disputeId;
    private String author;
    private boolean fromCustomer;
    @Convert(converter = EncryptedStringConverter.class)
    private String text;
    private Instant createdAt;

    protected DisputeMessage() {
    }

    public DisputeMessage(long disputeId, String author, boolean fromCustomer, String text, Instant createdAt) {
        this.disputeId = disputeId;
        this.author = author;
        this.fromCustomer = fromCustomer;
        this.text = text;
        this.createdAt = createdAt;
    }

    public Long id() { return id; }
    public long disputeId() { return disputeId; }
    public String author() { return author; }
    public boolean fromCustomer() { return fromCustomer; }
    public String text() { return text; }
    public Instant createdAt() { return createdAt; }
}
