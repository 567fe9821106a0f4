package dev.fapiaoflow.request;

import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerValidation;
import dev.fapiaoflow.buyer.PrintedBuyer;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.order.OrderService;
import dev.fapiaoflow.security.BlindIndex;
import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/** What the special-invoice review does with a request: asks for more, takes the customer's supplement, shows it. */
@Service
public class RequestReviewService {

    private final InvoiceRequestRepository requests;
    private final BuyerSupplementRepository supplements;
    private final OrderService orders;
    private final RequestRules rules;
    private final BlindIndex blindIndex;
    private final Clock clock;

    RequestReviewService(InvoiceRequestRepository requests, BuyerSupplementRepository supplements, OrderService orders,
            RequestRules rules, BlindIndex blindIndex, Clock clock) {
        this.requests = requests;
        this.supplements = supplements;
        this.orders = orders;
        this.rules = rules;
        this.blindIndex = blindIndex;
        this.clock = clock;
    }

    /** NEEDS_INFO; the customer reads what is missing on the request */
    @Transactional
    public void askForMoreInfo(long requestId, String whatIsMissing) {
        load(requestId).askForInfo(whatIsMissing, clock.instant());
    }

    /**
     * The customer's corrected buyer details, checked like a new special request (404 for anyone but the owner,
     * 409 unless the request waits for them, 400 with field errors); the earlier details are kept for the reviewer.
     */
    @Transactional
    public void supplement(long requestId, String customer, BuyerDetails corrected) {
        InvoiceRequest request = requests.findById(requestId).filter(r -> r.customer().equals(customer))
                .orElseThrow(() -> new NotFoundException("invoice request", requestId));
        if (request.status() != RequestStatus.NEEDS_INFO) {
            throw new ConflictException(Texts.of("request.noSupplementNeeded", Texts.of("status." + request.status())));
        }
        BuyerDetails buyer = corrected.normalised();
        List<FieldError> errors = new ArrayList<>(BuyerValidation.validate(buyer, null));
        if (errors.isEmpty()) {
            RequestRules.Eligibility eligibility = rules.eligibility(request.invoiceType(), buyer);
            if (!eligibility.eligible()) {
                errors.add(new FieldError("buyerType", eligibility.reason()));
            } else if (request.invoiceType() == InvoiceType.SPECIAL) {
                errors.addAll(BuyerValidation.validateForSpecialInvoice(buyer, null));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String askedFor = request.reason();
        PrintedBuyer previous = request.supplyBuyer(buyer, blindIndex.of(buyer.taxId()), clock.instant());
        supplements.save(new BuyerSupplement(requestId, previous, askedFor, clock.instant()));
    }

    @Transactional(readOnly = true)
    public RiskFacts riskFacts(long requestId) {
        InvoiceRequest request = load(requestId);
        long sharing = request.buyerTaxIdIndex() == null ? 0 : requests.countCustomersUsingTaxId(request.buyerTaxIdIndex());
        return new RiskFacts(requests.countByCustomerAndIdLessThan(request.customer(), request.id()), sharing,
                request.totalAmount().movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    /** for the back office only: the buyer's details are decrypted */
    @Transactional(readOnly = true)
    public RequestForReview forReview(long requestId) {
        InvoiceRequest request = load(requestId);
        return new RequestForReview(request.id(), request.customer(), request.status(), request.reason(),
                request.invoiceType(), request.delivery(), request.totalAmount().toPlainString(), request.createdAt(),
                request.buyer(), orders.invoiceableItems(request.orderNos()),
                supplements.findByRequestIdOrderBySuppliedAtAsc(requestId).stream().map(BuyerSupplement::view).toList(),
                riskFacts(requestId), request.postalAddress());
    }

    private InvoiceRequest load(long requestId) {
        return requests.findById(requestId).orElseThrow(() -> new NotFoundException("invoice request", requestId));
    }
}
