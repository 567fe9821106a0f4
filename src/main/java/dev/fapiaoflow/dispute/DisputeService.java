package dev.fapiaoflow.dispute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.buyer.TaxpayerKind;
import dev.fapiaoflow.buyer.BuyerValidation;
import dev.fapiaoflow.delivery.InvoiceMailService;
import dev.fapiaoflow.dispute.DisputeProcess.CorrectionMethods;
import dev.fapiaoflow.dispute.DisputeProcess.Vars;
import dev.fapiaoflow.dispute.internal.Dispute;
import dev.fapiaoflow.dispute.internal.DisputeMessage;
import dev.fapiaoflow.dispute.internal.DisputeMessageRepository;
import dev.fapiaoflow.dispute.internal.DisputeRepository;
import dev.fapiaoflow.dispute.internal.RefundRedLetter;
import dev.fapiaoflow.dispute.internal.RefundRedLetterRepository;
import dev.fapiaoflow.issuance.DisputedInvoices;
import dev.fapiaoflow.issuance.InvoiceCorrectionSource;
import dev.fapiaoflow.issuance.InvoiceFacts;
import dev.fapiaoflow.issuance.InvoiceKind;
import dev.fapiaoflow.issuance.InvoiceStatus;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.request.Delivery;
import dev.fapiaoflow.request.DeliveryTarget;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.security.Groups;
import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.TimeConfig;

/**
 * Disputes: raising one (the owner, on an ISSUED or DELIVERED invoice, one open at a time), reading it, the
 * conversation, and the steps the invoice-dispute process takes. The process carries ids and decisions only; the
 * customer's texts and corrected buyer stay here, encrypted.
 */
@Service
public class DisputeService implements InvoiceCorrectionSource, DisputedInvoices {

    private static final Logger log = LoggerFactory.getLogger(DisputeService.class);
    static final int DESCRIPTION_MAX = 500;
    static final int MESSAGE_MAX = 1000;

    private final DisputeRepository disputes;
    private final DisputeMessageRepository messages;
    private final RefundRedLetterRepository refunds;
    private final IssuanceService issuance;
    private final InvoiceRequestService requests;
    private final InvoiceMailService mail;
    private final RuntimeService runtime;
    private final DisputeProperties properties;
    private final DisputeThreads threads;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    DisputeService(DisputeRepository disputes, DisputeMessageRepository messages, RefundRedLetterRepository refunds,
            IssuanceService issuance,
            InvoiceRequestService requests, InvoiceMailService mail, RuntimeService runtime, DisputeProperties properties,
            DisputeThreads threads, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.disputes = disputes;
        this.messages = messages;
        this.refunds = refunds;
        this.issuance = issuance;
        this.requests = requests;
        this.mail = mail;
        this.runtime = runtime;
        this.properties = properties;
        this.threads = threads;
        this.clock = clock;
    }

    /**
     * Opens a dispute and starts its process. Others' invoices are "not found"; a second open dispute on the same
     * invoice is a conflict, refused by the database's unique key even when two arrive at once.
     */
    @Transactional
    public long raise(CurrentUser customer, long invoiceId, RaiseDisputeCommand command) {
        InvoiceFacts invoice = issuance.facts(invoiceId)
                .filter(facts -> facts.owner().equals(customer.id()))
                .orElseThrow(() -> new NotFoundException("invoice", invoiceId));
        BuyerDetails corrected = validate(invoice, command);
        InvoiceType wantedType = command.reason() == DisputeReason.WRONG_TYPE ? command.invoiceType() : null;
        if (invoice.status() != InvoiceStatus.ISSUED && invoice.status() != InvoiceStatus.DELIVERED) {
            throw new ConflictException("发票状态为 " + invoice.status() + "，不能再提出异议 (only ISSUED or DELIVERED invoices can be disputed)");
        }
        if (disputes.existsByOpenInvoiceId(invoiceId)) {
            throw alreadyOpen(invoiceId);
        }
        Instant now = clock.instant();
        Dispute dispute;
        try {
            dispute = disputes.saveAndFlush(new Dispute(invoiceId, customer.id(), command.reason(),
                    command.description().strip(), corrected, wantedType, now, now.plus(Duration.parse(properties.sla()))));
        } catch (DataIntegrityViolationException concurrentDispute) {
            throw alreadyOpen(invoiceId);
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(DisputeProcess.KEY,
                String.valueOf(invoice.requestId()), decisionFacts(dispute, invoice));
        dispute.started(instance.getId());
        events.publishEvent(new DisputeEvent(DisputeEvent.Type.OPENED, dispute.id(), invoiceId, dispute.customer(),
                dispute.reason().name(), null, now));
        log.info("Dispute {} raised on invoice {} ({})", dispute.id(), invoiceId, command.reason());
        return dispute.id();
    }

    private static ConflictException alreadyOpen(long invoiceId) {
        return new ConflictException("发票 " + invoiceId + " 已有未处理的异议 (an open dispute exists for this invoice)");
    }

    private BuyerDetails validate(InvoiceFacts invoice, RaiseDisputeCommand command) {
        List<FieldError> errors = new ArrayList<>();
        if (command == null || command.reason() == null) {
            errors.add(new FieldError("reason", "请选择异议原因"));
        }
        String description = command == null ? null : command.description();
        if (description == null || description.isBlank()) {
            errors.add(new FieldError("description", "请说明问题"));
        } else if (description.strip().codePointCount(0, description.strip().length()) > DESCRIPTION_MAX) {
            errors.add(new FieldError("description", "说明最多 " + DESCRIPTION_MAX + " 个字"));
        }
        InvoiceType printedType = invoice.type();
        InvoiceType wantedType = command == null ? null : command.invoiceType();
        boolean wrongType = command != null && command.reason() == DisputeReason.WRONG_TYPE;
        if (wrongType && wantedType == null) {
            errors.add(new FieldError("invoiceType", "请选择需要的发票类型"));
        } else if (wrongType && wantedType == printedType) {
            errors.add(new FieldError("invoiceType", "所选类型与原发票相同"));
        } else if (!wrongType && wantedType != null) {
            errors.add(new FieldError("invoiceType", "仅在“发票类型错误”时可选择发票类型"));
        }
        InvoiceType reissueType = wrongType && wantedType != null ? wantedType : printedType;
        BuyerDetails corrected = null;
        if (command != null && command.correction() != null) {
            corrected = merge(invoice.buyer(), command.correction());
            errors.addAll(reissueType == InvoiceType.SPECIAL
                    ? BuyerValidation.validateForSpecialInvoice(corrected, "correction")
                    : BuyerValidation.validate(corrected, "correction"));
            if (errors.isEmpty() && !wrongType && samePrinted(corrected, invoice.buyer())) {
                errors.add(new FieldError("correction", "更正内容与原发票相同"));
            }
        } else if (command != null && command.reason() != null && command.reason().needsCorrection()) {
            errors.add(new FieldError("correction", "请填写更正后的抬头信息"));
        } else if (wrongType && reissueType == InvoiceType.SPECIAL) {
            // the printed buyer of a normal invoice often lacks address and bank: then the customer adds them
            errors.addAll(BuyerValidation.validateForSpecialInvoice(invoice.buyer(), "correction"));
        }
        if (wrongType && wantedType != null && wantedType != printedType
                && !issuance.fitsOneInvoice(wantedType, invoice.totalAmount())) {
            errors.add(new FieldError("invoiceType", "金额超过该类型发票的单张限额，不能改开"));
        }
        if (wrongType && reissueType == InvoiceType.SPECIAL) {
            errors.addAll(specialBuyerErrors(corrected != null ? corrected : invoice.buyer(), command.correction()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return corrected == null ? null : corrected.normalised();
    }

    /**
     * 专票 only for an enterprise that is a general VAT taxpayer: the title must be an organisation's, and a taxpayer
     * kind the customer states must be GENERAL (the printed invoice does not keep it).
     */
    private static List<FieldError> specialBuyerErrors(BuyerDetails buyer, BuyerDetails stated) {
        List<FieldError> errors = new ArrayList<>();
        if (buyer.buyerType() != BuyerType.ENTERPRISE) {
            errors.add(new FieldError("invoiceType", "专用发票仅开给单位（企业）抬头"));
        }
        if (stated != null && stated.taxpayerKind() != null && stated.taxpayerKind() != TaxpayerKind.GENERAL) {
            errors.add(new FieldError("correction.taxpayerKind", "专用发票仅开给一般纳税人"));
        }
        return errors;
    }

    /** the printed buyer with every field the customer sent replacing the printed one */
    static BuyerDetails merge(BuyerDetails printed, BuyerDetails changes) {
        BuyerDetails c = changes;
        return new BuyerDetails(c.buyerType() != null ? c.buyerType() : printed.buyerType(),
                c.title() != null ? c.title() : printed.title(),
                c.taxId() != null ? c.taxId() : printed.taxId(),
                c.address() != null ? c.address() : printed.address(),
                c.phone() != null ? c.phone() : printed.phone(),
                c.bankName() != null ? c.bankName() : printed.bankName(),
                c.bankAccount() != null ? c.bankAccount() : printed.bankAccount(),
                null, printed.taxpayerKind());
    }

    /** whether the corrected buyer prints exactly as the invoice does (e-mail and taxpayer kind are not printed) */
    private static boolean samePrinted(BuyerDetails corrected, BuyerDetails printed) {
        return printedFields(corrected).equals(printedFields(printed));
    }

    private static List<Object> printedFields(BuyerDetails buyer) {
        BuyerDetails b = buyer.normalised();
        return java.util.Arrays.asList(b.buyerType(), b.title(), b.taxId(), b.address(), b.phone(), b.bankName(),
                b.bankAccount());
    }

    /** What the recommendation table decides on, and the ids the steps need; nothing personal. */
    private Map<String, Object> decisionFacts(Dispute dispute, InvoiceFacts invoice) {
        DeliveryTarget target = requests.deliveryTarget(invoice.requestId());
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.DISPUTE_ID, dispute.id());
        variables.put(Vars.INVOICE_ID, invoice.id());
        variables.put(Vars.REQUEST_ID, invoice.requestId());
        variables.put(Vars.REASON, dispute.reason().name());
        variables.put(Vars.INVOICE_TYPE, invoice.type().name());
        variables.put(Vars.INVOICE_KIND, invoice.kind().name());
        variables.put(Vars.WANTED_INVOICE_TYPE,
                dispute.wantedInvoiceType() == null ? null : dispute.wantedInvoiceType().name());
        variables.put(Vars.CHANNEL, target.delivery().name());
        LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfig.CHINA);
        variables.put(Vars.AGE_DAYS, ChronoUnit.DAYS.between(invoice.issueDate(), today));
        variables.put(Vars.ISSUED_THIS_MONTH, YearMonth.from(invoice.issueDate()).equals(YearMonth.from(today)));
        variables.put(Vars.POSTED, requests.shipment(invoice.requestId()).isPresent());
        return variables;
    }

    // ---- reading and the conversation ----

    @Transactional(readOnly = true)
    public DisputeView find(CurrentUser user, long id) {
        Dispute dispute = readable(user, id);
        boolean forService = user.isBackOffice();
        String number = issuance.facts(dispute.invoiceId()).map(InvoiceFacts::number).orElse(null);
        BuyerDetails c = dispute.correctedBuyer();
        DisputeView.Correction correction = c == null ? null : new DisputeView.Correction(c.buyerType(), c.title(),
                c.taxId(), c.address(), c.phone(), c.bankName(), c.bankAccount());
        List<DisputeView.Message> thread = messages.findByDisputeIdOrderByCreatedAtAscIdAsc(id).stream()
                .map(DisputeService::message).toList();
        return new DisputeView(dispute.id(), dispute.invoiceId(), number, dispute.status(), dispute.reason(),
                dispute.description(), correction, dispute.wantedInvoiceType(), forService ? dispute.recommendation() : null,
                forService ? dispute.recommendationNote() : null, dispute.outcome(), dispute.outcomeComment(),
                dispute.redInvoiceId(), dispute.reissuedInvoiceId(), dispute.customer(), dispute.createdAt(),
                dispute.dueAt(), dispute.overdue(clock.instant()), thread);
    }

    static DisputeView.Message message(DisputeMessage m) {
        return new DisputeView.Message(m.id(), m.author(), m.fromCustomer(), m.text(), m.createdAt());
    }

    /**
     * The customer's own disputes, or for the back office the queue: optionally only one status or only overdue
     * ones; overdue first, then the oldest due first.
     */
    @Transactional(readOnly = true)
    public List<DisputeRow> list(CurrentUser user, DisputeStatus status, boolean overdueOnly, DisputeReason reason) {
        Instant now = clock.instant();
        List<Dispute> found = user.isBackOffice() ? disputes.findAllByOrderByCreatedAtDesc()
                : disputes.findByCustomerOrderByCreatedAtDesc(user.id());
        Comparator<DisputeRow> order = Comparator.comparing((DisputeRow row) -> !row.overdue())
                .thenComparing(row -> row.status().closed())
                .thenComparing(DisputeRow::dueAt);
        return found.stream()
                .filter(d -> status == null || d.status() == status)
                .filter(d -> reason == null || d.reason() == reason)
                .filter(d -> !overdueOnly || d.overdue(now))
                .map(d -> new DisputeRow(d.id(), d.invoiceId(),
                        issuance.facts(d.invoiceId()).map(InvoiceFacts::number).orElse(null), d.customer(), d.reason(),
                        d.status(), user.isBackOffice() ? d.recommendation() : null, d.createdAt(), d.dueAt(),
                        d.overdue(now)))
                .sorted(order)
                .toList();
    }

    /** The disputes of one invoice, newest first (the invoice page shows them). */
    @Transactional(readOnly = true)
    public List<DisputeRow> ofInvoice(CurrentUser user, long invoiceId) {
        return list(user, null, false, null).stream().filter(row -> row.invoiceId() == invoiceId).toList();
    }

    /**
     * A message from the customer who owns the dispute or from customer service. The other side sees it at once when
     * their page is open (SSE), and gets a mail when it is not.
     */
    @Transactional
    public DisputeView.Message post(CurrentUser user, long id, String text) {
        Dispute dispute = readable(user, id);
        boolean fromCustomer = user.id().equals(dispute.customer());
        if (!fromCustomer && !user.groups().contains(Groups.CUSTOMER_SERVICE)) {
            throw new NotFoundException("dispute", id);
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "请输入消息内容");
        }
        if (text.strip().codePointCount(0, text.strip().length()) > MESSAGE_MAX) {
            throw new InvalidInputException("text", "消息最多 " + MESSAGE_MAX + " 个字");
        }
        DisputeMessage saved = messages.save(new DisputeMessage(id, user.id(), fromCustomer, text.strip(), clock.instant()));
        DisputeView.Message posted = message(saved);
        threads.publishAfterCommit(id, posted, () -> notifyOffline(dispute, fromCustomer));
        return posted;
    }

    /** after commit, from {@link DisputeThreads}: mail the side that has no page of this dispute open */
    private void notifyOffline(Dispute dispute, boolean fromCustomer) {
        long requestId = issuance.facts(dispute.invoiceId()).map(InvoiceFacts::requestId).orElseThrow();
        if (fromCustomer && !threads.serviceWatching(dispute.id())) {
            mail.sendNotice(requestId, properties.serviceEmail(), "异议 #" + dispute.id() + " 有客户新消息",
                    "客户在异议 #" + dispute.id() + " 中留言，请在客服工作台查看并回复。");
        } else if (!fromCustomer && !threads.customerWatching(dispute.id(), dispute.customer())) {
            DeliveryTarget target = requests.deliveryTarget(requestId);
            if (target.email() != null) {
                mail.sendNotice(requestId, target.email(), "您的发票异议 #" + dispute.id() + " 有新回复",
                        "客服回复了您的发票异议 #" + dispute.id() + "，请登录查看。");
            }
        }
    }

    /** The dispute if this user may read it: its customer, or the back office; anyone else gets 404. */
    private Dispute readable(CurrentUser user, long id) {
        return disputes.findById(id)
                .filter(dispute -> user.mayRead(dispute.customer()))
                .orElseThrow(() -> new NotFoundException("dispute", id));
    }

    /** The dispute's process instance, for the back office; 404 like {@link #find}. */
    @Transactional(readOnly = true)
    public String processInstanceOf(CurrentUser user, long id) {
        return readable(user, id).processInstanceId();
    }

    /** Who may subscribe to a dispute's thread; throws 404 like {@link #find}. */
    @Transactional(readOnly = true)
    public boolean isCustomerOf(CurrentUser user, long id) {
        return readable(user, id).customer().equals(user.id());
    }

    // ---- DisputedInvoices ----

    @Override
    @Transactional(readOnly = true)
    public Set<Long> disputedInvoiceIds() {
        return disputes.findDisputedInvoiceIds();
    }

    // ---- InvoiceCorrectionSource ----

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

    // ---- the process's steps ----

    @Transactional
    public void recordRecommendation(long disputeId, String recommendation, String note) {
        load(disputeId).recommend(recommendation, note, clock.instant());
    }

    @Transactional
    public void escalate(long disputeId) {
        load(disputeId).escalate(clock.instant());
    }

    /** Mails the disputed invoice again to the request's address. */
    @Transactional
    public void resendByMail(long disputeId, String actor, String comment) {
        Dispute dispute = load(disputeId);
        InvoiceFacts invoice = invoice(dispute);
        mail.mailInvoices(invoice.requestId(), List.of(invoice.id()));
        dispute.resolve(DisputeOutcome.RESENT, comment, null, clock.instant());
        resolved(dispute);
        systemMessage(dispute, actor, "已重新发送发票 " + invoice.number() + " 至您的邮箱。" + suffix(comment));
    }

    @Transactional
    public void inProgress(long disputeId) {
        load(disputeId).inProgress(clock.instant());
    }

    /** Finance posted the paper invoice again: the customer reads courier and tracking number in the thread. */
    @Transactional
    public void recordRepost(long disputeId, String actor, String courier, String trackingNumber) {
        if (courier == null || courier.isBlank() || trackingNumber == null || !trackingNumber.strip().matches("[A-Za-z0-9]{8,30}")) {
            throw new DisputeStepRefused("courier and a tracking number of 8 to 30 letters and digits are required");
        }
        Dispute dispute = load(disputeId);
        dispute.resolve(DisputeOutcome.REPOSTED, null, null, clock.instant());
        resolved(dispute);
        systemMessage(dispute, actor, "纸质发票已重新寄出：" + courier.strip() + " " + trackingNumber.strip());
    }

    @Transactional
    public void reject(long disputeId, String actor, String reason) {
        Dispute dispute = load(disputeId);
        dispute.resolve(DisputeOutcome.REJECTED, reason, null, clock.instant());
        resolved(dispute);
        systemMessage(dispute, actor, "异议已驳回：" + reason);
    }

    /**
     * How to correct: a paper invoice not posted yet, in its month of issue, is voided; anything else needs a
     * red-letter invoice. The dispute is IN_PROGRESS from here.
     */
    @Transactional
    public String planCorrection(long disputeId) {
        Dispute dispute = load(disputeId);
        InvoiceFacts invoice = invoice(dispute);
        if (invoice.kind() == InvoiceKind.RED) {
            // runs inside the task's completion: refusing keeps ResolveDispute open for another action
            throw new DisputeStepRefused("a red-letter invoice is not corrected; resend or reject instead");
        }
        if (dispute.reason() == DisputeReason.WRONG_AMOUNT) {
            refuseUnlessAmountsDiffer(invoice);
        }
        dispute.inProgress(clock.instant());
        boolean paperNotPosted = requests.deliveryTarget(invoice.requestId()).delivery() == Delivery.POST
                && requests.shipment(invoice.requestId()).isEmpty();
        return paperNotPosted && issuance.voidable(invoice.id()) ? CorrectionMethods.VOID : CorrectionMethods.RED_LETTER;
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
        java.math.BigDecimal current = issuance.currentTotalOfRequest(invoice.requestId());
        if (current.signum() == 0) {
            throw new DisputeStepRefused("the orders are refunded in full; nothing is left to re-issue");
        }
        if (current.compareTo(invoice.totalAmount()) == 0) {
            throw new DisputeStepRefused("amounts already match the orders (" + current + ")");
        }
    }

    @Transactional
    public void voidInvoice(long disputeId, String actor) {
        Dispute dispute = load(disputeId);
        issuance.voidInvoice(dispute.invoiceId(), actor, "异议 #" + disputeId + " 作废重开");
    }

    @Transactional
    public long issueRedLetter(long disputeId, String actor) {
        Dispute dispute = load(disputeId);
        long red = issuance.redLetter(dispute.invoiceId(), RedLetterReason.ISSUED_IN_ERROR, actor);
        dispute.redLetterIssued(red, clock.instant());
        return red;
    }

    /** Finance refused the red-letter confirmation: back to customer service, the reason in the thread. */
    @Transactional
    public void redLetterRefused(long disputeId, String actor, String comment) {
        Dispute dispute = load(disputeId);
        dispute.reopen(clock.instant());
        systemMessage(dispute, actor, "红字确认单未通过" + suffix(comment));
    }

    /** Mails the red-letter (if any) and the re-issued invoice, and closes the dispute as corrected. */
    @Transactional
    public void deliverCorrection(long disputeId) {
        Dispute dispute = load(disputeId);
        InvoiceFacts invoice = invoice(dispute);
        long reissued = issuance.replacementOf(invoice.id())
                .orElseThrow(() -> new IllegalStateException("invoice " + invoice.id() + " has no re-issue yet"));
        List<Long> mailed = dispute.redInvoiceId() == null ? List.of(reissued) : List.of(dispute.redInvoiceId(), reissued);
        mail.mailInvoices(invoice.requestId(), mailed);
        DisputeOutcome outcome = dispute.redInvoiceId() == null ? DisputeOutcome.VOIDED_AND_REISSUED : DisputeOutcome.CORRECTED;
        dispute.resolve(outcome, null, reissued, clock.instant());
        resolved(dispute);
        String reissuedNumber = issuance.facts(reissued).map(InvoiceFacts::number).orElseThrow();
        systemMessage(dispute, "system", (dispute.redInvoiceId() == null ? "原发票已作废" : "原发票已红冲")
                + "，更正后的发票 " + reissuedNumber + " 已发送至您的邮箱。");
    }

    private void systemMessage(Dispute dispute, String actor, String text) {
        DisputeMessage saved = messages.save(new DisputeMessage(dispute.id(), actor == null ? "system" : actor, false, text,
                clock.instant()));
        threads.publishAfterCommit(dispute.id(), message(saved), () -> { });
    }

    private static String suffix(String comment) {
        return comment == null || comment.isBlank() ? "" : "：" + comment.strip();
    }

    private InvoiceFacts invoice(Dispute dispute) {
        return issuance.facts(dispute.invoiceId())
                .orElseThrow(() -> new IllegalStateException("dispute " + dispute.id() + " names no invoice"));
    }

    private void resolved(Dispute dispute) {
        events.publishEvent(new DisputeEvent(DisputeEvent.Type.RESOLVED, dispute.id(), dispute.invoiceId(), dispute.customer(),
                dispute.reason().name(), dispute.outcome().name(), clock.instant()));
    }

    private Dispute load(long id) {
        return disputes.findById(id).orElseThrow(() -> new IllegalStateException("no dispute " + id));
    }
}
