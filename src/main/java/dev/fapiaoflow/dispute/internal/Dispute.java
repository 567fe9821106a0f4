package dev.fapiaoflow.dispute.internal;

import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.PrintedBuyer;
import dev.fapiaoflow.dispute.DisputeOutcome;
import dev.fapiaoflow.dispute.DisputeReason;
import dev.fapiaoflow.dispute.DisputeStatus;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.security.EncryptedStringConverter;

/**
 * A customer's dispute about one invoice. {@code openInvoiceId} is the invoice's id while the dispute is open and
 * null once closed; its unique key lets the database refuse a second open dispute on the same invoice.
 */
@Entity
@Table(name = "dispute")
public class Dispute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long invoiceId;
    private Long openInvoiceId;
    private String customer;
    @Enumerated(EnumType.STRING)
    private DisputeReason reason;
    @Convert(converter = EncryptedStringConverter.class)
    private String description;
    /** the invoice's buyer with the customer's changes, or null when nothing is to be corrected */
    @Embedded
    private PrintedBuyer correctedBuyer;
    /** WRONG_TYPE: the type the re-issue is to have; null for every other reason */
    @Enumerated(EnumType.STRING)
    private InvoiceType wantedInvoiceType;
    @Enumerated(EnumType.STRING)
    private DisputeStatus status;
    private String recommendation;
    private String recommendationNote;
    @Enumerated(EnumType.STRING)
    private DisputeOutcome outcome;
    @Convert(converter = EncryptedStringConverter.class)
    private String outcomeComment;
    private Long redInvoiceId;
    private Long reissuedInvoiceId;
    private String processInstanceId;
    private Instant createdAt;
    private Instant dueAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Dispute() {
    }

    public Dispute(long invoiceId, String customer, DisputeReason reason, String description, BuyerDetails correctedBuyer,
            InvoiceType wantedInvoiceType, Instant createdAt, Instant dueAt) {
        this.invoiceId = invoiceId;
        this.openInvoiceId = invoiceId;
        this.customer = customer;
        this.reason = reason;
        this.description = description;
        this.correctedBuyer = correctedBuyer == null ? null : new PrintedBuyer(correctedBuyer);
        this.wantedInvoiceType = wantedInvoiceType;
        this.status = DisputeStatus.OPEN;
        this.createdAt = createdAt;
        this.dueAt = dueAt;
        this.updatedAt = createdAt;
    }

    public void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void recommend(String recommendation, String note, Instant at) {
        this.recommendation = recommendation;
        this.recommendationNote = note;
        this.updatedAt = at;
    }

    public void escalate(Instant at) {
        requireOpen();
        status = DisputeStatus.ESCALATED;
        updatedAt = at;
    }

    public void inProgress(Instant at) {
        requireOpen();
        status = DisputeStatus.IN_PROGRESS;
        updatedAt = at;
    }

    /** back to customer service, e.g. when finance refused the red-letter confirmation */
    public void reopen(Instant at) {
        requireOpen();
        status = DisputeStatus.OPEN;
        updatedAt = at;
    }

    public void redLetterIssued(long redInvoiceId, Instant at) {
        this.redInvoiceId = redInvoiceId;
        this.updatedAt = at;
    }

    public void resolve(DisputeOutcome outcome, String comment, Long reissuedInvoiceId, Instant at) {
        requireOpen();
        this.status = outcome == DisputeOutcome.REJECTED ? DisputeStatus.REJECTED : DisputeStatus.RESOLVED;
        this.outcome = outcome;
        this.outcomeComment = comment;
        this.reissuedInvoiceId = reissuedInvoiceId;
        this.openInvoiceId = null;
        this.updatedAt = at;
    }

    private void requireOpen() {
        if (status.closed()) {
            throw new IllegalStateException("dispute " + id + " is closed already");
        }
    }

    public boolean overdue(Instant now) {
        return !status.closed() && dueAt.isBefore(now);
    }

    public Long id() { return id; }
    public long invoiceId() { return invoiceId; }
    public String customer() { return customer; }
    public DisputeReason reason() { return reason; }
    public String description() { return description; }
    public BuyerDetails correctedBuyer() { return correctedBuyer == null ? null : correctedBuyer.details(null, null); }
    public InvoiceType wantedInvoiceType() { return wantedInvoiceType; }
    public DisputeStatus status() { return status; }
    public String recommendation() { return recommendation; }
    public String recommendationNote() { return recommendationNote; }
    public DisputeOutcome outcome() { return outcome; }
    public String outcomeComment() { return outcomeComment; }
    public Long redInvoiceId() { return redInvoiceId; }
    public Long reissuedInvoiceId() { return reissuedInvoiceId; }
    public String processInstanceId() { return processInstanceId; }
    public Instant createdAt() { return createdAt; }
    public Instant dueAt() { return dueAt; }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public String toString() {
        return "Dispute[id=" + id + ", invoice=" + invoiceId + ", " + reason + ", " + status + "]";
    }
}
