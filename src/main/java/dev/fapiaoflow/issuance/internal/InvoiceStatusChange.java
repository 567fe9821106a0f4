package dev.fapiaoflow.issuance.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.fapiaoflow.issuance.InvoiceStatus;

/** One entry of an invoice's status history: which status, when, and who (a user id or "system"). */
@Entity
@Table(name = "invoice_status_change")
public class InvoiceStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;

    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private Instant changedAt;
    private String actor;
    private String note;

    protected InvoiceStatusChange() {
    }

    InvoiceStatusChange(Invoice invoice, InvoiceStatus status, Instant changedAt, String actor, String note) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a status change needs an actor");
        }
        this.invoice = invoice;
        this.status = status;
        this.changedAt = changedAt;
        this.actor = actor;
        this.note = note;
    }

    public InvoiceStatus status() { return status; }
    public Instant changedAt() { return changedAt; }
    public String actor() { return actor; }
    public String note() { return note; }
}
