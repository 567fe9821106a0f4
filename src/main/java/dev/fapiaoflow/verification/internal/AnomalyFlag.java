package dev.fapiaoflow.verification.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.fapiaoflow.verification.AnomalyFlagView;
import dev.fapiaoflow.verification.AnomalyKind;

/**
 * A flag raised by verification checks. {@code openKey} is set while the flag is open; its unique index lets only
 * one flag per invoice and kind be open, so a second node raising the same flag at the same moment fails to insert.
 */
@Entity
@Table(name = "anomaly_flag")
public class AnomalyFlag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long invoiceId;
    private String invoiceNumber;
    @Enumerated(EnumType.STRING)
    private AnomalyKind kind;
    private Instant raisedAt;
    private int evidence;
    private String detail;
    @Column(name = "open_key")
    private String openKey;
    private Instant acknowledgedAt;
    private String acknowledgedBy;
    private String note;

    protected AnomalyFlag() {
    }

    public AnomalyFlag(long invoiceId, String invoiceNumber, AnomalyKind kind, Instant raisedAt, int evidence, String detail) {
        this.invoiceId = invoiceId;
        this.invoiceNumber = invoiceNumber;
        this.kind = kind;
        this.raisedAt = raisedAt;
        this.evidence = evidence;
        this.detail = detail;
        this.openKey = openKey(invoiceId, kind);
    }

    public static String openKey(long invoiceId, AnomalyKind kind) {
        return invoiceId + ":" + kind.name();
    }

    public AnomalyFlagView view() {
        return new AnomalyFlagView(id, invoiceId, invoiceNumber, kind, raisedAt, evidence, detail, openKey != null,
                acknowledgedAt, acknowledgedBy, note);
    }

    public Long id() { return id; }
    public long invoiceId() { return invoiceId; }
    public AnomalyKind kind() { return kind; }
    public Instant raisedAt() { return raisedAt; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public boolean open() { return openKey != null; }
}
