package dev.fapiaoflow.request;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerProfileService;
import dev.fapiaoflow.buyer.BuyerValidation;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.order.OrderService;
import dev.fapiaoflow.security.BlindIndex;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/** The request module's facade: customers apply, everyone entitled follows the request. */
@Service
public class InvoiceRequestService {

    private final InvoiceRequestRepository requests;
    private final IdempotencyRecords idempotency;
    private final RequestRules rules;
    private final OrderService orders;
    private final BuyerProfileService buyerProfiles;
    private final IssuanceService issuance;
    private final RuntimeService runtimeService;
    private final BlindIndex blindIndex;
    private final ShipmentRepository shipments;
    private final Clock clock;

    InvoiceRequestService(InvoiceRequestRepository requests, IdempotencyRecords idempotency, RequestRules rules,
            OrderService orders, BuyerProfileService buyerProfiles, IssuanceService issuance, RuntimeService runtimeService,
            BlindIndex blindIndex, ShipmentRepository shipments, Clock clock) {
        this.shipments = shipments;
        this.blindIndex = blindIndex;
        this.requests = requests;
        this.idempotency = idempotency;
        this.rules = rules;
        this.orders = orders;
        this.buyerProfiles = buyerProfiles;
        this.issuance = issuance;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /**
     * Checks the application as the process will, stores it, reserves its orders and starts the
     * invoice-request process, all in one transaction: a refusal (400, or 409 for an order already
     * requested) leaves nothing behind. With an idempotency key, a retry returns the first request.
     */
    @Transactional
    public InvoiceRequestView submit(String customer, InvoiceRequestCommand command, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Long> earlier = idempotency.requestFor(customer, idempotencyKey);
            if (earlier.isPresent()) {
                return view(requests.getReferenceById(earlier.get()));
            }
        }
        List<FieldError> errors = new ArrayList<>();
        BuyerDetails buyer = resolveBuyer(customer, command, errors);
        if (buyer != null) {
            RequestRules.Eligibility eligibility = rules.eligibility(command.invoiceType(), buyer);
            if (!eligibility.eligible()) {
                errors.add(new FieldError("invoiceType", eligibility.reason()));
            } else if (command.invoiceType() == InvoiceType.SPECIAL) {
                // after the eligibility rule, so a learner hears "no special invoice", not "bank missing";
                // a saved title is checked too: it may have been saved for normal invoices
                errors.addAll(BuyerValidation.validateForSpecialInvoice(buyer, "buyer"));
            }
        }
        String email = command.email() != null ? command.email() : buyer == null ? null : buyer.email();
        Delivery channel = rules.channel(command.invoiceType(), command.deliveryOrDefault());
        if (channel == Delivery.EMAIL && (email == null || email.isBlank())) {
            errors.add(new FieldError("email", Texts.of("request.email.required")));
        }
        if (channel == Delivery.POST && command.postalAddress() == null) {
            errors.add(new FieldError("postalAddress", Texts.of("request.postalAddress.required")));
        }
        if (command.attachmentFormats() != null && (command.attachmentFormats().isEmpty()
                || !InvoiceRequestCommand.FORMATS.containsAll(command.attachmentFormats()))) {
            errors.add(new FieldError("attachmentFormats", Texts.of("request.attachmentFormats.invalid")));
        }
        errors.addAll(orders.problemsForInvoicing(customer, command.orderNos()));
        BigDecimal total = errors.isEmpty() ? orders.invoiceableAmount(command.orderNos()) : BigDecimal.ZERO;
        if (errors.isEmpty() && total.signum() <= 0) {
            errors.add(new FieldError("orderNos", Texts.of("request.amount.positive")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (command.saveBuyerProfile() && command.buyer() != null) {
            buyerProfiles.save(customer, buyer);
        }
        InvoiceRequest unsaved = new InvoiceRequest(customer, command, buyer, email, total, clock.instant());
        unsaved.indexTaxIdAs(blindIndex.of(buyer.taxId()));
        InvoiceRequest request = requests.saveAndFlush(unsaved);
        if (idempotencyKey != null) {
            // before the claims: a concurrent retry with the same key must fail here, not on an order
            idempotency.record(customer, idempotencyKey, request.id(), clock.instant());
        }
        orders.claim(request.id(), command.orderNos());
        // the answer is the request as accepted (REQUESTED, API.md): the process's checks and decisions run in this
        // transaction (ADR 0011) and may already have moved it on, which GET /api/invoice-requests/{id} shows
        InvoiceRequestView accepted = view(request);
        String processInstanceId = runtimeService.startProcessInstanceByKey(InvoiceRequestProcess.KEY,
                String.valueOf(request.id()), Map.of(InvoiceRequestProcess.Vars.REQUEST_ID, request.id())).getId();
        request.startedAs(processInstanceId);
        return accepted;
    }

    @Transactional(readOnly = true)
    public Optional<InvoiceRequestView> byIdempotencyKey(String customer, String key) {
        return idempotency.requestFor(customer, key).map(requests::getReferenceById).map(this::view);
    }

    /** The request, if the caller may see it (its owner or the back office); otherwise 404. */
    @Transactional(readOnly = true)
    public InvoiceRequestView find(long id, CurrentUser caller) {
        return requests.findById(id)
                .filter(request -> caller.mayRead(request.customer()))
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("invoice request", id));
    }

    @Transactional(readOnly = true)
    public List<InvoiceRequestView> requestsOf(String customer) {
        return requests.findByCustomerOrderByCreatedAtDesc(customer).stream().map(this::view).toList();
    }

    /** The buyer details of one of the customer's own requests (to correct them when the review asks); else 404. */
    @Transactional(readOnly = true)
    public BuyerDetails buyerOf(long requestId, String customer) {
        return requests.findById(requestId).filter(request -> request.customer().equals(customer))
                .map(InvoiceRequest::buyer)
                .orElseThrow(() -> new NotFoundException("invoice request", requestId));
    }

    @Transactional(readOnly = true)
    public DeliveryTarget deliveryTarget(long requestId) {
        InvoiceRequest request = load(requestId);
        return new DeliveryTarget(requestId, request.customer(), request.email(), request.buyer().title(),
                request.invoiceType(), request.delivery(), request.attachmentFormats());
    }

    /** The paper invoice's posting, once finance has handed it to the courier. */
    @Transactional(readOnly = true)
    public Optional<ShipmentView> shipment(long requestId) {
        return shipments.findById(requestId).map(Shipment::view);
    }

    /** The SMTP server accepted the mail, or the courier took the paper invoice. */
    @Transactional
    public void markDelivered(long requestId) {
        load(requestId).markDelivered(clock.instant());
    }

    /** Finance handed the paper invoice to the courier; the request stays ISSUED until it is received. */
    @Transactional
    public void recordPosting(long requestId, String courier, String trackingNumber, String postedBy) {
        InvoiceRequest request = load(requestId);
        if (request.delivery() != Delivery.POST || request.status() != RequestStatus.ISSUED) {
            throw new IllegalStateException("request " + requestId + " is not an issued paper request");
        }
        if (shipments.existsById(requestId)) {
            return; // the step ran again after a rollback elsewhere: the first posting stands
        }
        shipments.save(new Shipment(requestId, courier, trackingNumber, postedBy, clock.instant()));
    }

    /** The posted invoice arrived (the customer said so, or the receipt timeout passed): the request is DELIVERED. */
    @Transactional
    public void recordReceipt(long requestId, boolean confirmedByCustomer) {
        Shipment shipment = shipments.findById(requestId)
                .orElseThrow(() -> new IllegalStateException("request " + requestId + " was never posted"));
        shipment.receive(confirmedByCustomer ? Shipment.Receipt.CONFIRMED_BY_CUSTOMER : Shipment.Receipt.ASSUMED_AFTER_TIMEOUT,
                clock.instant());
        load(requestId).markDelivered(clock.instant());
    }

    InvoiceRequest load(long requestId) {
        return requests.findById(requestId).orElseThrow(() -> new NotFoundException("invoice request", requestId));
    }

    private BuyerDetails resolveBuyer(String customer, InvoiceRequestCommand command, List<FieldError> errors) {
        if (command.buyerProfileId() != null) {
            Optional<BuyerDetails> saved = buyerProfiles.details(customer, command.buyerProfileId());
            if (saved.isEmpty()) {
                errors.add(new FieldError("buyerProfileId", Texts.of("buyerProfile.unknown")));
            }
            return saved.orElse(null);
        }
        if (command.buyer() == null) {
            errors.add(new FieldError("buyer", Texts.of("request.buyer.required")));
            return null;
        }
        List<FieldError> buyerErrors = BuyerValidation.validate(command.buyer(), "buyer");
        errors.addAll(buyerErrors);
        return buyerErrors.isEmpty() ? command.buyer().normalised() : null;
    }

    /** The buyer rules for the requested type: a special invoice needs the buyer's full details. */
    static List<FieldError> buyerProblems(InvoiceType type, BuyerDetails buyer, String prefix) {
        return type == InvoiceType.SPECIAL ? BuyerValidation.validateForSpecialInvoice(buyer, prefix)
                : BuyerValidation.validate(buyer, prefix);
    }

    private InvoiceRequestView view(InvoiceRequest request) {
        return new InvoiceRequestView(request.id(), request.status(), request.reason(), request.invoiceType(),
                request.delivery(), request.orderNos(), request.totalAmount().toPlainString(), request.createdAt(),
                issuance.invoicesOfRequest(request.id()), shipments.findById(request.id()).map(Shipment::view).orElse(null));
    }
}
