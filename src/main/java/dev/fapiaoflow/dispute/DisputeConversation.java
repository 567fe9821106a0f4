package dev.fapiaoflow.dispute;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.delivery.InvoiceMailService;
import dev.fapiaoflow.dispute.internal.Dispute;
import dev.fapiaoflow.dispute.internal.DisputeMessage;
import dev.fapiaoflow.dispute.internal.DisputeMessageRepository;
import dev.fapiaoflow.dispute.internal.DisputeRecords;
import dev.fapiaoflow.issuance.InvoiceFacts;
import dev.fapiaoflow.request.DeliveryTarget;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.Groups;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/**
 * A dispute's message thread: the customer and customer service write to each other, and the process's steps leave
 * what they did in it. A new message reaches the other side's open page at once (SSE, {@link DisputeThreads}) and,
 * when no page is open, a mail.
 */
@Service
class DisputeConversation {

    static final int MESSAGE_MAX = 1000;

    private final DisputeMessageRepository messages;
    private final DisputeRecords records;
    private final DisputeThreads threads;
    private final InvoiceRequestService requests;
    private final InvoiceMailService mail;
    private final DisputeProperties properties;
    private final Clock clock;

    DisputeConversation(DisputeMessageRepository messages, DisputeRecords records, DisputeThreads threads,
            InvoiceRequestService requests, InvoiceMailService mail, DisputeProperties properties, Clock clock) {
        this.messages = messages;
        this.records = records;
        this.threads = threads;
        this.requests = requests;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /** A message from the customer who owns the dispute or from customer service; anyone else gets 404. */
    @Transactional
    public DisputeView.Message post(CurrentUser user, long id, String text) {
        Dispute dispute = records.readable(user, id);
        boolean fromCustomer = user.id().equals(dispute.customer());
        if (!fromCustomer && !user.groups().contains(Groups.CUSTOMER_SERVICE)) {
            throw new NotFoundException("dispute", id);
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", Texts.of("dispute.message.required"));
        }
        if (text.strip().codePointCount(0, text.strip().length()) > MESSAGE_MAX) {
            throw new InvalidInputException("text", Texts.of("dispute.message.length", MESSAGE_MAX));
        }
        DisputeMessage saved = messages.save(new DisputeMessage(id, user.id(), fromCustomer, text.strip(), clock.instant()));
        DisputeView.Message posted = message(saved);
        threads.publishAfterCommit(id, posted, () -> notifyOffline(dispute, fromCustomer));
        return posted;
    }

    /** What a process step did, told to the customer in the thread (pushed to open pages, never mailed). */
    void tell(Dispute dispute, String actor, String text) {
        DisputeMessage saved = messages.save(new DisputeMessage(dispute.id(), actor == null ? "system" : actor, false, text,
                clock.instant()));
        threads.publishAfterCommit(dispute.id(), message(saved), () -> { });
    }

    /** after commit, from {@link DisputeThreads}: mail the side that has no page of this dispute open */
    private void notifyOffline(Dispute dispute, boolean fromCustomer) {
        long requestId = records.invoiceOf(dispute).requestId();
        if (fromCustomer && !threads.serviceWatching(dispute.id())) {
            mail.sendNotice(requestId, properties.serviceEmail(), Texts.inProductLanguage("mail.dispute.customerWrote.subject", dispute.id()),
                    Texts.inProductLanguage("mail.dispute.customerWrote.text", dispute.id()));
        } else if (!fromCustomer && !threads.customerWatching(dispute.id(), dispute.customer())) {
            DeliveryTarget target = requests.deliveryTarget(requestId);
            if (target.email() != null) {
                mail.sendNotice(requestId, target.email(), Texts.inProductLanguage("mail.dispute.replied.subject", dispute.id()),
                        Texts.inProductLanguage("mail.dispute.replied.text", dispute.id()));
            }
        }
    }

    static DisputeView.Message message(DisputeMessage m) {
        return new DisputeView.Message(m.id(), m.author(), m.fromCustomer(), m.text(), m.createdAt());
    }

    /** ": comment" after a step's sentence, or nothing when the comment is empty */
    static String withComment(String comment) {
        return comment == null || comment.isBlank() ? "" : "：" + comment.strip();
    }
}
