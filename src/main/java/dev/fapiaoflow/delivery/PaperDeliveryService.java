package dev.fapiaoflow.delivery;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.issuance.IssuanceService;
import dev.fapiaoflow.request.DeliveryTarget;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.shared.Texts;

/** Paper special invoices: finance posts them, the customer (or the receipt timer) says they arrived. */
@Service
public class PaperDeliveryService {

    private static final Pattern COURIER = Pattern.compile("[A-Z]{2,16}");
    private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Za-z0-9]{8,30}");

    private final InvoiceRequestService requests;
    private final IssuanceService issuance;
    private final InvoiceMailService mail;
    private final RuntimeService runtimeService;

    PaperDeliveryService(InvoiceRequestService requests, IssuanceService issuance, InvoiceMailService mail,
            RuntimeService runtimeService) {
        this.requests = requests;
        this.issuance = issuance;
        this.mail = mail;
        this.runtimeService = runtimeService;
    }

    /** Stores courier and tracking number and tells the customer; the invoices stay ISSUED until received. */
    @Transactional
    public void recordPosting(long requestId, String courier, String trackingNumber, String postedBy) {
        // the form validates in Tasklist, but /engine-rest/task/{id}/complete bypasses it: refuse (400), task stays open
        if (courier == null || !COURIER.matcher(courier).matches()) {
            throw new PostingRefused(DeliveryProcess.Vars.COURIER, "courier must be one of the form's courier codes");
        }
        if (trackingNumber == null || !TRACKING_NUMBER.matcher(trackingNumber).matches()) {
            throw new PostingRefused(DeliveryProcess.Vars.TRACKING_NUMBER, "trackingNumber must be 8 to 30 letters or digits");
        }
        requests.recordPosting(requestId, courier, trackingNumber, postedBy);
        DeliveryTarget target = requests.deliveryTarget(requestId);
        mail.sendNotice(requestId, target.email(), Texts.inProductLanguage("mail.posted.subject"), Texts.inProductLanguage("mail.posted.text", courier, trackingNumber));
    }

    /** The customer says the posted invoice arrived; someone else's request is not found. */
    @Transactional
    public void confirmReceipt(long requestId, String customer) {
        if (!requests.deliveryTarget(requestId).customer().equals(customer)) {
            throw new NotFoundException("invoice request", requestId);
        }
        try {
            runtimeService.createMessageCorrelation(DeliveryProcess.RECEIPT_MESSAGE)
                    .processInstanceBusinessKey(String.valueOf(requestId))
                    .setVariable(DeliveryProcess.Vars.RECEIPT, DeliveryProcess.Receipts.CUSTOMER)
                    .correlate();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            throw new ConflictException(Texts.of("delivery.noReceiptAwaited", requestId));
        }
    }

    /** The request and its invoices become DELIVERED. */
    @Transactional
    public void recordReceipt(long requestId, String receipt) {
        boolean byCustomer = DeliveryProcess.Receipts.CUSTOMER.equals(receipt);
        requests.recordReceipt(requestId, byCustomer);
        issuance.markDelivered(requestId, byCustomer ? "customer" : "receipt-timeout");
    }

    /** Where finance prints the invoices of a request from (ids only, no personal data). */
    @Transactional(readOnly = true)
    public String printLinks(long requestId) {
        return issuance.invoicesOfRequest(requestId).stream()
                .map(invoice -> "/api/invoices/" + invoice.id() + "/pdf")
                .collect(Collectors.joining(" "));
    }
}
