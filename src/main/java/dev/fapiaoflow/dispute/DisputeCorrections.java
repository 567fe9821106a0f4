package dev.fapiaoflow.dispute;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.delivery.InvoiceMailService;
import dev.fapiaoflow.dispute.DisputeProcess.CorrectionMethods;
import dev.fapiaoflow.dispute.internal.Dispute;
import dev.fapiaoflow.dispute.internal.DisputeRecords;
import dev.fapiaoflow.dispute.internal.DisputeRepository;
import dev.fapiaoflow.dispute.internal.RefundRedLetter;
import dev.fapiaoflow.dispute.internal.RefundRedLetterRepository;
import dev.fapiaoflow.issuance.InvoiceCorrectionSource;
import dev.fapiaoflow.issuance.InvoiceFacts;
import dev.fapiaoflow.issuance.InvoiceKind;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.shared.Texts;

/**
 * Correcting a disputed invoice: choose void or red-letter, carry it out, hand the corrected buyer and type to the
 * re-issue (as the issuance feature's {@link InvoiceCorrectionSource}), and deliver the result. The invoice-dispute
 * process's correction steps call these.
 */
@Service
class DisputeCorrections implements InvoiceCorrectionSource {

    private final DisputeRepository disputes;
    private final RefundRedLetterRepository refunds;
    private final DisputeRecords records;
    private final DisputeConversation conversation;
    private final IssuanceService issuance;
    private final InvoiceRequestService requests;
    private final InvoiceMailService mail;
    private final Clock clock;

    DisputeCorrections(DisputeRepository disputes, RefundRedLetterRepository refunds, DisputeRecords records,
            DisputeConversation conversation, IssuanceService issuance, InvoiceRequestService requests,
            InvoiceMailService mail, Clock clock) {
        this.disputes = disputes;
        this.refunds = refunds;
        this.records = records;
        this.conversation = conversation;
        this.issuance = issuance;
        this.requests = requests;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * How to correct, the same in both modes: a paper invoice (数电纸质发票) not posted yet, in its month of issue, is
     * voided; anything else, and always an electronic invoice (数电票), needs a red-letter invoice (through the
     * red-letter confirmation in platform mode). The dispute is IN_PROGRESS from here.
     */
    @Transactional
    public String planCorrection(long disputeId) {
        Dispute dispute = records.load(disputeId);
        InvoiceFacts invoice = records.invoiceOf(dispute);
        if (invoice.kind() == InvoiceKind.RED) {
            // runs inside the task's completion: refusing keeps ResolveDispute open for another action
            throw new DisputeStepRefused("a red-letter invoice is not corrected; resend or reject instead");
        }
        if (dispute.reason() == DisputeReason.WRONG_AMOUNT) {
            refuseUnlessAmountsDiffer(invoice);
        }
        dispute.inProgress(clock.instant());
        // voidable: paper medium, still ISSUED (not received), in its month; posted means it has left the school
        boolean notPosted = requests.shipment(invoice.requestId()).isEmpty();
        return notPosted && issuance.voidable(invoice.id()) ? CorrectionMethods.VOID : CorrectionMethods.RED_LETTER;
    }

    /**
     * A wrong amount is corrected by re-issuing what the orders justify now. The shop cannot change an invoiced order
     * except by refunding it, and each refund raises its own red-letter invoice, so the orders differ from the invoice
     * only while a refund's red-letter waits for finance or after finance refused it. Refused (the task stays open):
     * while one waits (correcting now would reverse that refund twice), when the request's orders are split over
     * several invoices, when nothing is left to invoice, and when the amounts already match.
     */
    private void refuseUnlessAmountsDiffer(InvoiceFacts invoice) {
        if (refunds.existsByRequestIdAndStatus(invoice.requestId(), RefundRedLetter.Status.AWAITING_CONFIRMATION)) {
            throw new DisputeStepRefused("a refund red-letter of this request awaits finance; confirm or refuse it first");
        }
        if (issuance.reversibleInvoicesOfRequest(invoice.requestId()).size() > 1) {
            throw new DisputeStepRefused("the request's orders are on several invoices; escalate instead");
        }
        BigDecimal current = issuance.currentTotalOfRequest(invoice.requestId());
        if (current.signum() == 0) {
            throw new DisputeStepRefused("the orders are refunded in full; nothing is left to re-issue");
        }
        if (current.compareTo(invoice.totalAmount()) == 0) {
            throw new DisputeStepRefused("amounts already match the orders (" + current + ")");
        }
    }

    @Transactional
    public void voidInvoice(long disputeId, String actor) {
        Dispute dispute = records.load(disputeId);
        issuance.voidInvoice(dispute.invoiceId(), actor, Texts.inProductLanguage("dispute.voidReason", disputeId));
    }

    @Transactional
    public long issueRedLetter(long disputeId, String actor) {
        Dispute dispute = records.load(disputeId);
        long red = issuance.redLetter(dispute.invoiceId(), RedLetterReason.ISSUED_IN_ERROR, actor);
        dispute.redLetterIssued(red, clock.instant());
        return red;
    }

    /** Finance refused the red-letter confirmation: back to customer service, the reason in the thread. */
    @Transactional
    public void redLetterRefused(long disputeId, String actor, String comment) {
        Dispute dispute = records.load(disputeId);
        dispute.reopen(clock.instant());
        conversation.tell(dispute, actor, Texts.inProductLanguage("dispute.told.redLetterRefused") + DisputeConversation.withComment(comment));
    }

    /** Mails the red-letter (if any) and the re-issued invoice, and closes the dispute as corrected. */
    @Transactional
    public void deliverCorrection(long disputeId) {
        Dispute dispute = records.load(disputeId);
        InvoiceFacts invoice = records.invoiceOf(dispute);
        long reissued = issuance.replacementOf(invoice.id())
                .orElseThrow(() -> new IllegalStateException("invoice " + invoice.id() + " has no re-issue yet"));
        List<Long> mailed = dispute.redInvoiceId() == null ? List.of(reissued) : List.of(dispute.redInvoiceId(), reissued);
        mail.mailInvoices(invoice.requestId(), mailed);
        DisputeOutcome outcome = dispute.redInvoiceId() == null ? DisputeOutcome.VOIDED_AND_REISSUED : DisputeOutcome.CORRECTED;
        dispute.resolve(outcome, null, reissued, clock.instant());
        records.resolved(dispute);
        String reissuedNumber = issuance.facts(reissued).map(InvoiceFacts::number).orElseThrow();
        conversation.tell(dispute, "system", Texts.inProductLanguage(dispute.redInvoiceId() == null ? "dispute.told.voidedAndReissued"
                : "dispute.told.redFlushedAndReissued", reissuedNumber));
    }

    // ---- what the re-issue reads (InvoiceCorrectionSource) ----

    @Override
    @Transactional(readOnly = true)
    public Optional<BuyerDetails> correctedBuyer(long invoiceId) {
        return disputes.findByOpenInvoiceId(invoiceId).map(Dispute::correctedBuyer);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<InvoiceType> correctedType(long invoiceId) {
        return disputes.findByOpenInvoiceId(invoiceId).map(Dispute::wantedInvoiceType);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean recomputeAmounts(long invoiceId) {
        return disputes.findByOpenInvoiceId(invoiceId).filter(d -> d.reason() == DisputeReason.WRONG_AMOUNT).isPresent();
    }
}
