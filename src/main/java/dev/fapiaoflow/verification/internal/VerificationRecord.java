package dev.fapiaoflow.verification.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.fapiaoflow.verification.HistoryEntry;
import dev.fapiaoflow.verification.VerificationResult;
import dev.fapiaoflow.verification.VerificationStatus;

/**
 * One check as it happened; never changed. Holds no buyer data, only what was asked and what was answered.
 * {@code checkDay} is the day in Asia/Shanghai, the unit of the per-number mismatch lock.
 */
@Entity
@Table(name = "verification_record")
public class VerificationRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant checkedAt;
    private LocalDate checkDay;
    private String clientId;
    private String userId;
    @Column(name = "invoice_number")
    private String number;
    @Enumerated(EnumType.STRING)
    private VerificationResult result;
    @Enumerated(EnumType.STRING)
    private VerificationStatus status;

    protected VerificationRecord() {
    }

    public VerificationRecord(Instant checkedAt, LocalDate checkDay, String clientId, String userId, String number,
            VerificationResult result, VerificationStatus status) {
        this.checkedAt = checkedAt;
        this.checkDay = checkDay;
        this.clientId = clientId;
        this.userId = userId;
        this.number = number;
        this.result = result;
        this.status = status;
    }

    public HistoryEntry toHistoryEntry() {
        return new HistoryEntry(checkedAt, number, result, status);
    }
}
