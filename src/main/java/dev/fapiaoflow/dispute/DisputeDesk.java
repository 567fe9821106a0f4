package dev.fapiaoflow.dispute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.dispute.DisputeProcess.Vars;
import dev.fapiaoflow.dispute.internal.Dispute;
import dev.fapiaoflow.dispute.internal.DisputeMessageRepository;
import dev.fapiaoflow.dispute.internal.DisputeRecords;
import dev.fapiaoflow.dispute.internal.DisputeRepository;
import dev.fapiaoflow.dispute.internal.RaiseDisputeValidation;
import dev.fapiaoflow.issuance.DisputedInvoices;
import dev.fapiaoflow.issuance.InvoiceFacts;
import dev.fapiaoflow.issuance.InvoiceStatus;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.request.DeliveryTarget;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.shared.Texts;

/**
 * The dispute desk: a customer raises a dispute (the owner, on an ISSUED or DELIVERED invoice, one open at a time),
 * and the customer or the back office reads it and the queue. The process carries ids and decisions only; the
 * customer's texts and corrected buyer stay here, encrypted.
 */
@Service
public class DisputeDesk implements DisputedInvoices {

    private static final Logger log = LoggerFactory.getLogger(DisputeDesk.class);

    private final DisputeRepository disputes;
    private final DisputeMessageRepository messages;
    private final DisputeRecords records;
    private final RaiseDisputeValidation validation;
    private final IssuanceService issuance;
    private final InvoiceRequestService requests;
    private final RuntimeService runtime;
    private final DisputeProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisputeDesk(DisputeRepository disputes, DisputeMessageRepository messages, DisputeRecords records,
            RaiseDisputeValidation validation, IssuanceService issuance, InvoiceRequestService requests,
            RuntimeService runtime, DisputeProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.disputes = disputes;
        this.messages = messages;
        this.records = records;
        this.validation = validation;
        this.issuance = issuance;
        this.requests = requests;
        this.runtime = runtime;
        this.properties = properties;
        this.events = events;
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
        BuyerDetails corrected = validation.validate(invoice, command);
        InvoiceType wantedType = command.reason() == DisputeReason.WRONG_TYPE ? command.invoiceType() : null;
        if (invoice.status() != InvoiceStatus.ISSUED && invoice.status() != InvoiceStatus.DELIVERED) {
            throw new ConflictException(Texts.of("dispute.invoiceNotDisputable", Texts.of("invoice.status." + invoice.status())));
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
        return new ConflictException(Texts.of("dispute.alreadyOpen", invoiceId));
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

    @Transactional(readOnly = true)
    public DisputeView find(CurrentUser user, long id) {
        Dispute dispute = records.readable(user, id);
        boolean forService = user.isBackOffice();
        String number = issuance.facts(dispute.invoiceId()).map(InvoiceFacts::number).orElse(null);
        BuyerDetails c = dispute.correctedBuyer();
        DisputeView.Correction correction = c == null ? null : new DisputeView.Correction(c.buyerType(), c.title(),
                c.taxId(), c.address(), c.phone(), c.bankName(), c.bankAccount());
        List<DisputeView.Message> thread = messages.findByDisputeIdOrderByCreatedAtAscIdAsc(id).stream()
                .map(DisputeConversation::message).toList();
        return new DisputeView(dispute.id(), dispute.invoiceId(), number, dispute.status(), dispute.reason(),
                dispute.description(), correction, dispute.wantedInvoiceType(), forService ? dispute.recommendation() : null,
                forService ? dispute.recommendationNote() : null, dispute.outcome(), dispute.outcomeComment(),
                dispute.redInvoiceId(), dispute.reissuedInvoiceId(), dispute.customer(), dispute.createdAt(),
                dispute.dueAt(), dispute.overdue(clock.instant()), thread);
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

    /** The dispute's process instance, for the back office; 404 like {@link #find}. */
    @Transactional(readOnly = true)
    public String processInstanceOf(CurrentUser user, long id) {
        return records.readable(user, id).processInstanceId();
    }

    /** Who may subscribe to a dispute's thread; throws 404 like {@link #find}. */
    @Transactional(readOnly = true)
    public boolean isCustomerOf(CurrentUser user, long id) {
        return records.readable(user, id).customer().equals(user.id());
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> disputedInvoiceIds() {
        return disputes.findDisputedInvoiceIds();
    }
}
