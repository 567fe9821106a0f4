package dev.fapiaoflow.dispute;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.delivery.InvoiceMailService;
import dev.fapiaoflow.dispute.DisputeProcess.Vars;
import dev.fapiaoflow.dispute.internal.RefundRedLetter;
import dev.fapiaoflow.dispute.internal.RefundRedLetterRepository;
import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.issuance.ReversibleInvoice;
import dev.fapiaoflow.order.OrderRefunded;

/**
 * Refunds of invoiced orders: each reported refund becomes one row (its key: order and cumulative refunded amount)
 * and one refund-red-letter process, in which finance confirms before the red-letter invoice (02 销货退回) for the
 * newly refunded part is issued and mailed.
 */
@Service
public class RefundRedLetters {

    private static final Logger log = LoggerFactory.getLogger(RefundRedLetters.class);

    private final RefundRedLetterRepository refunds;
    private final IssuanceService issuance;
    private final InvoiceMailService mail;
    private final RuntimeService runtime;
    private final Clock clock;

    RefundRedLetters(RefundRedLetterRepository refunds, IssuanceService issuance, InvoiceMailService mail,
            RuntimeService runtime, Clock clock) {
        this.refunds = refunds;
        this.issuance = issuance;
        this.mail = mail;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** In the shop's upsert transaction: a repeated report of the same refund finds its row and raises nothing. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onRefund(OrderRefunded refund) {
        if (refunds.existsByOrderNoAndRefundedTotal(refund.orderNo(), refund.refunded())) {
            return;
        }
        RefundRedLetter row = refunds.saveAndFlush(new RefundRedLetter(refund.orderNo(), refund.refunded(),
                refund.newlyRefunded(), refund.requestId(), clock.instant()));
        ProcessInstance instance = runtime.startProcessInstanceByKey(DisputeProcess.REFUND_KEY,
                String.valueOf(refund.requestId()), Map.of(Vars.REFUND_ID, row.id(), Vars.REQUEST_ID, refund.requestId(),
                        "orderNo", refund.orderNo(), "refundAmount", row.amount().toPlainString()));
        row.started(instance.getId());
        log.info("Refund of {} on order {} awaits confirmation of its red-letter invoice", row.amount(), refund.orderNo());
    }

    /**
     * The red-letter invoice for the refund, on the first invoice of the request that still has that much left to
     * reverse. A repeated step returns the red-letter invoice issued the first time.
     */
    @Transactional
    public long issue(long refundId, String confirmedBy) {
        RefundRedLetter refund = load(refundId);
        if (refund.redInvoiceId() != null) {
            return refund.redInvoiceId();
        }
        ReversibleInvoice target = issuance.reversibleInvoicesOfRequest(refund.requestId()).stream()
                .filter(invoice -> invoice.remaining().compareTo(refund.amount()) >= 0)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no invoice of request " + refund.requestId()
                        + " has " + refund.amount() + " left to reverse for refund " + refundId));
        long red = issuance.partialRedLetter(target.id(), refund.amount(), RedLetterReason.SALES_RETURN, confirmedBy);
        refund.issued(target.id(), red, confirmedBy, clock.instant());
        return red;
    }

    @Transactional
    public void deliver(long refundId) {
        RefundRedLetter refund = load(refundId);
        if (refund.redInvoiceId() == null) {
            throw new IllegalStateException("refund " + refundId + " has no red-letter invoice to deliver");
        }
        mail.mailInvoices(refund.requestId(), List.of(refund.redInvoiceId()));
    }

    @Transactional
    public void refuse(long refundId, String by, String reason) {
        load(refundId).refused(by, reason, clock.instant());
    }

    /** The refunds reported for an order, oldest first (tests, support). */
    @Transactional(readOnly = true)
    public List<RefundView> ofOrder(String orderNo) {
        return refunds.findByOrderNoOrderById(orderNo).stream()
                .map(r -> new RefundView(r.id(), r.orderNo(), r.amount(), r.status().name(), r.invoiceId(), r.redInvoiceId(),
                        r.refusal()))
                .toList();
    }

    private RefundRedLetter load(long id) {
        return refunds.findById(id).orElseThrow(() -> new IllegalStateException("no refund " + id));
    }

    public record RefundView(long id, String orderNo, java.math.BigDecimal amount, String status, Long invoiceId,
            Long redInvoiceId, String refusal) {
    }
}
