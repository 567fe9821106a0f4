package dev.fapiaoflow.delivery;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes outbox state in transactions of its own, so a mail and its failed attempts stay visible even
 * when the delivery step itself rolls back to be retried by the engine.
 */
@Component
class OutboxWriter {

    private final OutboxMailRepository outbox;
    private final Clock clock;

    OutboxWriter(OutboxMailRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The unsent mail of this request if a former attempt left one, else the newly composed one. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    OutboxMail prepare(long requestId, ComposedMail composed) {
        Optional<OutboxMail> pending = outbox.findFirstByRequestIdAndKindOrderByIdDesc(requestId, MailKind.INVOICE)
                .filter(mail -> mail.status() != OutboxStatus.SENT);
        return pending.orElseGet(() -> outbox.save(new OutboxMail(requestId, composed.recipient(), composed.subject(),
                composed.text(), composed.html(), clock.instant())));
    }

    /** A new notice each time: two notices about one request are two mails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    OutboxMail prepareNotice(Long requestId, ComposedMail composed) {
        return outbox.save(new OutboxMail(requestId, composed.recipient(), composed.subject(), composed.text(),
                composed.html(), clock.instant()).asNotice());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void hold(long mailId) {
        outbox.findById(mailId).ifPresent(OutboxMail::held);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void attemptFailed(long mailId, String error) {
        outbox.findById(mailId).ifPresent(mail -> mail.attemptFailed(error));
    }

    @Transactional(readOnly = true)
    OutboxMail load(long mailId) {
        return outbox.findById(mailId).orElseThrow(() -> new IllegalArgumentException("no outbox mail " + mailId));
    }

    /** Joins the delivery step's transaction: SENT and DELIVERED commit together. */
    @Transactional
    void sent(long mailId) {
        outbox.findById(mailId).ifPresent(mail -> mail.sent(clock.instant()));
    }
}
