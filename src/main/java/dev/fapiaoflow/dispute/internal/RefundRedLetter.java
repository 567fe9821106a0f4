package dev.fapiaoflow.dispute.internal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A refund of an invoiced order that a red-letter invoice (reason 02 销货退回) must reverse, once finance confirms. */
@Entity
@Table(name = "refund_red_letter")
public class RefundRedLetter {

    public enum Status {
        AWAITING_CONFIRMATION, ISSUED, REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String orderNo;
    private BigDecimal refundedTotal;
    private BigDecimal amount;
    private long requestId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Long invoiceId;
    private Long redInvoiceId;
    private String decidedBy;
    private String refusal;
    private String processInstanceId;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected RefundRedLetter() {
    }

    public RefundRedLetter(String orderNo, BigDecimal refundedTotal, BigDecimal amount, long requestId, Instant now) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a refund to reverse must be positive, was " + amount);
        }
        this.orderNo = orderNo;
        this.refundedTotal = refundedTotal;
        this.amount = amount;
        this.requestId = requestId;
        this.status = Status.AWAITING_CONFIRMATION;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void issued(long invoiceId, long redInvoiceId, String by, Instant at) {
        this.invoiceId = invoiceId;
        this.redInvoiceId = redInvoiceId;
        this.decidedBy = by;
        this.status = Status.ISSUED;
        this.updatedAt = at;
    }

    public void refused(String by, String reason, Instant at) {
        this.decidedBy = by;
        this.refusal = reason;
        this.status = Status.REFUSED;
        this.updatedAt = at;
    }

    public Long id() { return id; }
    public String orderNo() { return orderNo; }
    public BigDecimal refundedTotal() { return refundedTotal; }
    public BigDecimal amount() { return amount; }
    public long requestId() { return requestId; }
    public Status status() { return status; }
    public Long invoiceId() { return invoiceId; }
    public Long redInvoiceId() { return redInvoiceId; }
    public String refusal() { return refusal; }
}
