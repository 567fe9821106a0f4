package dev.fapiaoflow.dispute;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.delivery.InvoiceMailService;
import dev.fapiaoflow.dispute.internal.Dispute;
import dev.fapiaoflow.dispute.internal.DisputeRecords;
import dev.fapiaoflow.issuance.InvoiceFacts;
import dev.fapiaoflow.shared.Texts;

/**
 * The invoice-dispute process's steps that do not correct the invoice (the BPMN's delegates call these): record the
 * recommendation, escalate, mark in progress, and resolve by resending, reposting or rejecting. Each runs in the
 * engine's transaction; a refused step ({@link DisputeStepRefused}) keeps the task open.
 */
@Service
class DisputeSteps {

    private final DisputeRecords records;
    private final DisputeConversation conversation;
    private final InvoiceMailService mail;
    private final Clock clock;

    DisputeSteps(DisputeRecords records, DisputeConversation conversation, InvoiceMailService mail, Clock clock) {
        this.records = records;
        this.conversation = conversation;
        this.mail = mail;
        this.clock = clock;
    }

    @Transactional
    public void recordRecommendation(long disputeId, String recommendation, String note) {
        records.load(disputeId).recommend(recommendation, note, clock.instant());
    }

    @Transactional
    public void escalate(long disputeId) {
        records.load(disputeId).escalate(clock.instant());
    }

    @Transactional
    public void inProgress(long disputeId) {
        records.load(disputeId).inProgress(clock.instant());
    }

    /** Mails the disputed invoice again to the request's address. */
    @Transactional
    public void resendByMail(long disputeId, String actor, String comment) {
        Dispute dispute = records.load(disputeId);
        InvoiceFacts invoice = records.invoiceOf(dispute);
        mail.mailInvoices(invoice.requestId(), List.of(invoice.id()));
        dispute.resolve(DisputeOutcome.RESENT, comment, null, clock.instant());
        records.resolved(dispute);
        conversation.tell(dispute, actor, Texts.inProductLanguage("dispute.told.resent", invoice.number())
                + DisputeConversation.withComment(comment));
    }

    /** Finance posted the paper invoice again: the customer reads courier and tracking number in the thread. */
    @Transactional
    public void recordRepost(long disputeId, String actor, String courier, String trackingNumber) {
        if (courier == null || courier.isBlank() || trackingNumber == null || !trackingNumber.strip().matches("[A-Za-z0-9]{8,30}")) {
            throw new DisputeStepRefused("courier and a tracking number of 8 to 30 letters and digits are required");
        }
        Dispute dispute = records.load(disputeId);
        dispute.resolve(DisputeOutcome.REPOSTED, null, null, clock.instant());
        records.resolved(dispute);
        conversation.tell(dispute, actor, Texts.inProductLanguage("dispute.told.reposted", courier.strip(), trackingNumber.strip()));
    }

    @Transactional
    public void reject(long disputeId, String actor, String reason) {
        Dispute dispute = records.load(disputeId);
        dispute.resolve(DisputeOutcome.REJECTED, reason, null, clock.instant());
        records.resolved(dispute);
        conversation.tell(dispute, actor, Texts.inProductLanguage("dispute.told.rejected", reason));
    }
}
