package dev.fapiaoflow.delivery;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.fapiaoflow.shared.TimeConfig;

/** An outbox mail as the outbox page shows it (public: FreeMarker reads only public types). */
public record OutboxEntry(long id, Long requestId, String recipient, String subject, String bodyText, OutboxStatus status,
        int attempts, String lastError, Instant createdAt, Instant sentAt) {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(TimeConfig.CHINA);

    static OutboxEntry of(OutboxMail mail) {
        return new OutboxEntry(mail.id(), mail.requestId(), mail.recipient(), mail.subject(), mail.bodyText(), mail.status(),
                mail.attempts(), mail.lastError(), mail.createdAt(), mail.sentAt());
    }

    public String created() {
        return SHOWN.format(createdAt);
    }

    public String sent() {
        return sentAt == null ? "—" : SHOWN.format(sentAt);
    }
}
