package dev.fapiaoflow.delivery;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.issuance.InvoiceAttachment;
import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.request.DeliveryTarget;
import dev.fapiaoflow.request.InvoiceRequestService;

/**
 * Sends a request's invoices by e-mail through Spring Boot's {@code spring.mail.*} server. Every mail goes
 * through the outbox; without a mail server it is held there, and the request stays ISSUED.
 */
@Service
public class InvoiceMailService {

    public enum Outcome {
        SENT, HELD
    }

    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^\\s<>()\"',;:@]+@[^\\s<>()\"',;:@]+");

    private final InvoiceRequestService requests;
    private final IssuanceService issuance;
    private final InvoiceMailComposer composer;
    private final OutboxWriter outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailProperties properties;

    InvoiceMailService(InvoiceRequestService requests, IssuanceService issuance, InvoiceMailComposer composer,
            OutboxWriter outbox, ObjectProvider<JavaMailSender> mailSender, MailProperties properties) {
        this.requests = requests;
        this.issuance = issuance;
        this.composer = composer;
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.properties = properties;
    }

    /** How long one execution of the delivery step may hold a mail it is sending (well above the SMTP timeouts). */
    static final Duration SENDING_CLAIM = Duration.ofMinutes(2);

    /**
     * Throws when the SMTP server refuses or cannot be reached, or while another execution of the step is sending this
     * request's mail, so the engine retries the step. The mail is SENT (committed at once) as soon as the server has
     * accepted it; a retry of a step whose transaction then failed only records the delivery.
     */
    @Transactional
    public Outcome deliverByMail(long requestId) {
        DeliveryTarget target = requests.deliveryTarget(requestId);
        List<dev.fapiaoflow.issuance.InvoiceSummary> invoices = issuance.invoicesOfRequest(requestId);
        OutboxMail mail = outbox.prepare(requestId, composer.invoiceIssued(target, invoices, demo(invoices)));
        if (mail.status() != OutboxStatus.SENT) {
            JavaMailSender sender = mailSender.getIfAvailable();
            if (sender == null) {
                outbox.hold(mail.id());
                return Outcome.HELD;
            }
            if (!outbox.claim(mail.id(), SENDING_CLAIM)) {
                throw new MailNotAccepted("outbox mail " + mail.id() + " is being sent by another execution of the step");
            }
            try {
                sender.send(toMime(sender, mail, issuance.attachmentsOfRequest(requestId, target.attachmentFormats())));
            } catch (MailException | MessagingException e) {
                String reason = EMAIL_ADDRESS.matcher(String.valueOf(e.getMessage())).replaceAll("***@***");
                outbox.attemptFailed(mail.id(), reason);
                // no cause attached: SMTP answers may quote the recipient's address
                throw new MailNotAccepted("outbox mail " + mail.id() + " not accepted by the SMTP server: " + reason);
            }
            outbox.sentNow(mail.id());
        }
        issuance.markDelivered(requestId, "mail");
        requests.markDelivered(requestId);
        return Outcome.SENT;
    }

    /**
     * Mails some of a request's invoices to the request's address, as a new mail each time: a dispute's resend, or
     * a correction's red-letter and re-issued invoices. Does not touch statuses. Throws when the SMTP server refuses
     * or cannot be reached, so the engine retries the step; without a mail server the mail is held in the outbox.
     */
    @Transactional
    public Outcome mailInvoices(long requestId, List<Long> invoiceIds) {
        DeliveryTarget target = requests.deliveryTarget(requestId);
        List<dev.fapiaoflow.issuance.InvoiceSummary> chosen = issuance.invoicesOfRequest(requestId).stream()
                .filter(invoice -> invoiceIds.contains(invoice.id()))
                .toList();
        if (chosen.size() != invoiceIds.size()) {
            throw new IllegalArgumentException("invoices " + invoiceIds + " are not all of request " + requestId);
        }
        OutboxMail mail = outbox.prepareNotice(requestId, composer.invoiceIssued(target, chosen, demo(chosen)));
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            outbox.hold(mail.id());
            return Outcome.HELD;
        }
        try {
            sender.send(toMime(sender, mail, issuance.attachments(invoiceIds, target.attachmentFormats())));
        } catch (MailException | MessagingException e) {
            String reason = EMAIL_ADDRESS.matcher(String.valueOf(e.getMessage())).replaceAll("***@***");
            outbox.attemptFailed(mail.id(), reason);
            throw new MailNotAccepted("outbox mail " + mail.id() + " not accepted by the SMTP server: " + reason);
        }
        outbox.sent(mail.id());
        return Outcome.SENT;
    }

    /**
     * A plain notice about a request (rejected, more information needed, cancelled, escalated), through the outbox
     * like every mail. It never fails the caller's step: without a mail server, or when the server refuses, the
     * notice stays in the outbox (HELD, with the error) for an administrator to send.
     */
    @Transactional
    public Outcome sendNotice(Long requestId, String recipient, String subject, String message) {
        OutboxMail mail = outbox.prepareNotice(requestId, composer.notice(recipient, subject, message, requestId));
        return sendNotice(mail);
    }

    /** An administrator sends a held notice again, unchanged. */
    @Transactional
    public Outcome sendHeldNotice(long mailId) {
        return sendNotice(outbox.load(mailId));
    }

    private Outcome sendNotice(OutboxMail mail) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender != null) {
            try {
                sender.send(toMime(sender, mail, List.of()));
                outbox.sent(mail.id());
                return Outcome.SENT;
            } catch (MailException | MessagingException e) {
                outbox.attemptFailed(mail.id(), EMAIL_ADDRESS.matcher(String.valueOf(e.getMessage())).replaceAll("***@***"));
            }
        }
        outbox.hold(mail.id());
        return Outcome.HELD;
    }

    /** Whether {@code spring.mail.host} is set; without it mails are held in the outbox. */
    public boolean mailServerConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    private MimeMessage toMime(JavaMailSender sender, OutboxMail mail, List<InvoiceAttachment> attachments)
            throws MessagingException {
        MimeMessage message = new OutboxMessage(sender.createMimeMessage().getSession(), messageId(mail));
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        try {
            helper.setFrom(properties.from(), properties.fromName());
        } catch (java.io.UnsupportedEncodingException e) {
            helper.setFrom(properties.from());
        }
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.bodyText(), mail.bodyHtml());
        for (InvoiceAttachment attachment : attachments) {
            helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
        }
        return message;
    }

    /**
     * The outbox row is the sent-mail record, and its id the mail's unique key: every attempt at one outbox mail (the creation time in whole seconds, as MySQL keeps it, makes it unique across databases)
     * carries the same {@code Message-ID}. A mail is sent again only when a node died (or the commit failed) after the
     * SMTP server had accepted it; that copy has the same Message-ID, so mail clients and the sink of bench/ see one
     * mail.
     */
    String messageId(OutboxMail mail) {
        String from = properties.from();
        String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "fapiaoflow";
        return "<outbox-" + mail.id() + "." + mail.createdAt().getEpochSecond() + "@" + domain + ">";
    }

    /** Keeps the outbox's Message-ID: JavaMail would otherwise make a new one for every attempt. */
    private static final class OutboxMessage extends MimeMessage {

        private final String messageId;

        OutboxMessage(jakarta.mail.Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    static class MailNotAccepted extends RuntimeException {
        MailNotAccepted(String message) {
            super(message);
        }
    }

    /** a mail with any local-mode (demonstration) invoice says so */
    private boolean demo(List<dev.fapiaoflow.issuance.InvoiceSummary> invoices) {
        return invoices.stream().anyMatch(invoice -> issuance.isDemo(invoice.id()));
    }
}
