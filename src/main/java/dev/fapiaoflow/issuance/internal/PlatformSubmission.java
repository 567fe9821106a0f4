package dev.fapiaoflow.issuance.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One invoice of a request asked of the platform under our serial; the invoice once stored. */
@Entity
@Table(name = "platform_submission")
public class PlatformSubmission {

    public enum Status { NEW, SUBMITTED, STORED }

    @Id
    private String serial;
    private long requestId;
    private int partNo;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Long invoiceId;
    private int attempts;
    private LocalDate attemptDay;
    private Instant createdAt;
    private Instant submittedAt;
    @Version
    private long version;

    protected PlatformSubmission() {
    }

    PlatformSubmission(String serial, long requestId, int partNo, Instant now) {
        this.serial = serial;
        this.requestId = requestId;
        this.partNo = partNo;
        this.status = Status.NEW;
        this.createdAt = now;
    }

    /** @return false when today's calls for this serial are used up */
    boolean countAttempt(LocalDate today, int maxPerDay) {
        if (!today.equals(attemptDay)) {
            attemptDay = today;
            attempts = 0;
        }
        if (attempts >= maxPerDay) {
            return false;
        }
        attempts++;
        return true;
    }

    void submitted(Instant now) {
        if (status == Status.NEW) {
            status = Status.SUBMITTED;
            submittedAt = now;
        }
    }

    void stored(long invoiceId) {
        this.invoiceId = invoiceId;
        this.status = Status.STORED;
    }

    public String serial() { return serial; }
    public long requestId() { return requestId; }
    public int partNo() { return partNo; }
    public Status status() { return status; }
    public Long invoiceId() { return invoiceId; }
    public Instant createdAt() { return createdAt; }
    public int attempts() { return attempts; }
}
