package dev.fapiaoflow.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    /**
     * The request's invoice mail if a former attempt left one (sent already, when that attempt's step did not
     * commit), else the newly composed one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    OutboxMail prepare(long requestId, ComposedMail composed) {
        Optional<OutboxMail> former = outbox.findFirstByRequestIdAndKindOrderByIdDesc(requestId, MailKind.INVOICE);
        return former.orElseGet(() -> outbox.save(new OutboxMail(requestId, composed.recipient(), composed.subject(),
                composed.text(), composed.html(), clock.instant())));
    }

    /**
     * Makes the caller the mail's only sender for {@code span}, committed at once: false while another execution of
     * the step (on this or another node) holds it, or once it was sent. A sender that dies leaves the claim to expire.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean claim(long mailId, Duration span) {
        Instant now = clock.instant();
        return outbox.claim(mailId, now, now.plus(span)) == 1;
    }

    /**
     * SENT in a transaction of its own, right after the SMTP server accepted the mail: should the step's transaction
     * then fail, its retry finds the mail sent and does not send it again.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void sentNow(long mailId) {
        outbox.findById(mailId).ifPresent(mail -> mail.sent(clock.instant()));
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
