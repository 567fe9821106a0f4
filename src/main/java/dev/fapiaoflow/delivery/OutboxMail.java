package dev.fapiaoflow.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.Length;

import dev.fapiaoflow.security.EncryptedStringConverter;

/** Every mail the application sends, kept with its state; the bodies name the buyer, so they are encrypted. */
@Entity
@Table(name = "mail_outbox")
class OutboxMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id")
    private Long requestId;

    @Convert(converter = EncryptedStringConverter.class)
    private String recipient;

    private String subject;

    @Lob
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "body_text", length = Length.LONG32)
    private String bodyText;

    @Lob
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "body_html", length = Length.LONG32)
    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    private OutboxStatus status;

    private int attempts;

    @Enumerated(EnumType.STRING)
    private MailKind kind = MailKind.INVOICE;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** held by one sender until then (OutboxWriter.claim) */
    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Version
    private long version;

    protected OutboxMail() {
    }

    OutboxMail(Long requestId, String recipient, String subject, String bodyText, String bodyHtml, Instant now) {
        this.requestId = requestId;
        this.recipient = recipient;
        this.subject = subject;
        this.bodyText = bodyText;
        this.bodyHtml = bodyHtml;
        this.status = OutboxStatus.SENDING;
        this.createdAt = now;
    }

    /** a plain notice: never taken for the request's invoice mail, sent again as it is */
    OutboxMail asNotice() {
        this.kind = MailKind.NOTICE;
        return this;
    }

    MailKind kind() {
        return kind;
    }

    void held() {
        this.status = OutboxStatus.HELD;
    }

    void attemptFailed(String error) {
        this.attempts++;
        this.claimedUntil = null;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
    }

    void sent(Instant at) {
        this.attempts++;
        this.status = OutboxStatus.SENT;
        this.sentAt = at;
        this.lastError = null;
        this.claimedUntil = null;
    }

    Long id() {
        return id;
    }

    Long requestId() {
        return requestId;
    }

    String recipient() {
        return recipient;
    }

    String subject() {
        return subject;
    }

    String bodyText() {
        return bodyText;
    }

    String bodyHtml() {
        return bodyHtml;
    }

    OutboxStatus status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant sentAt() {
        return sentAt;
    }
}
