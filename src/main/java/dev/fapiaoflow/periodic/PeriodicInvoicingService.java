package dev.fapiaoflow.periodic;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.buyer.BuyerProfileService;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.order.OrderService;
import dev.fapiaoflow.periodic.PeriodOutcome.Result;
import dev.fapiaoflow.request.Delivery;
import dev.fapiaoflow.request.InvoiceRequestCommand;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.TimeConfig;
import dev.fapiaoflow.shared.Texts;

/**
 * The periodic module's facade: customers opt in and out; the {@code periodic-invoicing} process asks, per
 * customer, for one merged request over the last complete month or quarter. Such a request goes through
 * {@link InvoiceRequestService#submit} like any other: same checks, same order claims, same process.
 */
@Service
public class PeriodicInvoicingService {

    private static final Logger log = LoggerFactory.getLogger(PeriodicInvoicingService.class);

    private final PeriodicSubscriptionRepository subscriptions;
    private final PeriodicRuns runs;
    private final BuyerProfileService buyerProfiles;
    private final OrderService orders;
    private final InvoiceRequestService requests;
    private final RuntimeService runtimeService;
    private final Clock clock;

    PeriodicInvoicingService(PeriodicSubscriptionRepository subscriptions, PeriodicRuns runs,
            BuyerProfileService buyerProfiles, OrderService orders, InvoiceRequestService requests,
            RuntimeService runtimeService, Clock clock) {
        this.subscriptions = subscriptions;
        this.runs = runs;
        this.buyerProfiles = buyerProfiles;
        this.orders = orders;
        this.requests = requests;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<PeriodicSubscriptionView> subscriptionOf(String customer) {
        return subscriptions.findById(customer).map(PeriodicSubscription::view);
    }

    /**
     * Opts in, or changes the opt-in. The title must be one of the customer's own saved titles (another
     * customer's id is answered as missing, like a title that does not exist).
     */
    @Transactional
    public PeriodicSubscriptionView subscribe(String customer, PeriodicSubscriptionCommand command) {
        if (buyerProfiles.details(customer, command.buyerProfileId()).isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("buyerProfileId", Texts.of("buyerProfile.unknown"))));
        }
        PeriodicSubscription subscription = subscriptions.findById(customer)
                .orElseGet(() -> new PeriodicSubscription(customer, clock.instant()));
        subscription.change(command.frequency(), command.buyerProfileId(), command.email().trim(), clock.instant());
        return subscriptions.saveAndFlush(subscription).view();
    }

    /** @throws NotFoundException when the customer has not opted in */
    @Transactional
    public void unsubscribe(String customer) {
        PeriodicSubscription subscription = subscriptions.findById(customer)
                .orElseThrow(() -> new NotFoundException("periodic invoicing", customer));
        subscriptions.delete(subscription);
    }

    /** the customers the next run goes through, as the model's multi-instance collection */
    @Transactional(readOnly = true)
    public List<String> optedInCustomers() {
        return subscriptions.findAllCustomers();
    }

    /** today in Shanghai: the run date of a run the timer started */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfig.CHINA));
    }

    /**
     * Starts a run for the given date now, as the timer would on that date (an operator catching up on a missed
     * run, say). Customers whose period has its request already are left alone.
     */
    public String startRun(LocalDate runDate) {
        return runtimeService.createProcessInstanceByKey(PeriodicInvoicingProcess.KEY)
                .startBeforeActivity(PeriodicInvoicingProcess.Elements.FIX_RUN_DATE)
                .setVariable(PeriodicInvoicingProcess.Vars.RUN_DATE, runDate.toString())
                .businessKey("run-" + runDate)
                .execute()
                .getProcessInstanceId();
    }

    /**
     * One customer's part of a run: a merged request over the paid, not yet invoiced orders of their last complete
     * month or quarter before {@code runDate}, recorded against (customer, period) in the same transaction. A second
     * run for the same period finds the record, or, running at the same moment, fails on its primary key or on the
     * order claims and rolls back whole.
     */
    @Transactional
    public PeriodOutcome invoicePeriod(String customer, LocalDate runDate) {
        Optional<PeriodicSubscription> found = subscriptions.findById(customer);
        if (found.isEmpty()) {
            return new PeriodOutcome(Result.NOT_SUBSCRIBED, null, null);
        }
        PeriodicSubscription subscription = found.get();
        InvoicingPeriod period = InvoicingPeriod.lastCompleteBefore(subscription.frequency(), runDate);
        if (runs.invoiced(customer, period.label())) {
            return new PeriodOutcome(Result.ALREADY_INVOICED, period.label(), null);
        }
        List<String> orderNos = orders.invoiceableOrderNosPaidBetween(customer, period.from(), period.until());
        if (orderNos.isEmpty()) {
            return new PeriodOutcome(Result.NOTHING_DUE, period.label(), null);
        }
        if (buyerProfiles.details(customer, subscription.buyerProfileId()).isEmpty()) {
            // checked here rather than left to submit(): its refusal would mark this job's transaction rollback-only
            log.warn("Periodic invoicing of {} for {} skipped: saved title {} no longer exists", customer, period.label(),
                    subscription.buyerProfileId());
            return new PeriodOutcome(Result.TITLE_MISSING, period.label(), null);
        }
        InvoiceRequestCommand command = new InvoiceRequestCommand(orderNos, InvoiceType.NORMAL,
                subscription.buyerProfileId(), null, false, subscription.email(), Delivery.EMAIL, null);
        long requestId = requests.submit(customer, command, null).id();
        runs.record(customer, period.label(), requestId, clock.instant());
        log.info("Periodic invoicing of {} for {}: request {} over {} orders", customer, period.label(), requestId,
                orderNos.size());
        return new PeriodOutcome(Result.REQUESTED, period.label(), requestId);
    }
}
