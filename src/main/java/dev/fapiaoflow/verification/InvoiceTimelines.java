package dev.fapiaoflow.verification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.issuance.InvoiceHistories;
import dev.fapiaoflow.issuance.InvoiceHistory;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.request.InvoiceRequestView;
import dev.fapiaoflow.request.ShipmentView;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.NotFoundException;
import dev.fapiaoflow.verification.InvoiceTimeline.Event;
import dev.fapiaoflow.verification.InvoiceTimeline.EventType;
import dev.fapiaoflow.verification.internal.VerificationRecordRepository;

/**
 * An invoice's timeline from issuance's status history, the request's paper shipment, the verification records and
 * the anomaly flags. For the invoice's owner and the back office; anyone else gets 404, as for the invoice itself.
 * Flags are shown to the back office only: they are suspicions about how the owner's invoice is being used.
 */
@Service
public class InvoiceTimelines {

    private final InvoiceHistories histories;
    private final InvoiceRequestService requests;
    private final VerificationRecordRepository records;
    private final AnomalyFlags flags;

    InvoiceTimelines(InvoiceHistories histories, InvoiceRequestService requests, VerificationRecordRepository records,
            AnomalyFlags flags) {
        this.histories = histories;
        this.requests = requests;
        this.records = records;
        this.flags = flags;
    }

    /** @throws NotFoundException for an unknown invoice or one the caller may not read */
    @Transactional(readOnly = true)
    public InvoiceTimeline of(long invoiceId, CurrentUser caller) {
        InvoiceHistory invoice = histories.find(invoiceId)
                .filter(found -> caller.mayRead(found.owner()))
                .orElseThrow(() -> new NotFoundException("invoice", invoiceId));
        List<Event> events = new ArrayList<>();
        for (InvoiceHistory.Change change : invoice.changes()) {
            events.add(new Event(change.changedAt(), EventType.valueOf(change.status().name()), change.actor(), change.note()));
        }
        if (invoice.requestId() != null) {
            ShipmentView shipment = shipmentOf(invoice.requestId(), caller);
            if (shipment != null) {
                events.add(new Event(shipment.postedAt(), EventType.POSTED, null, shipment.courier() + " " + shipment.trackingNumber()));
                if (shipment.receivedAt() != null) {
                    events.add(new Event(shipment.receivedAt(), EventType.RECEIVED, null, null));
                }
            }
        }
        Object[] matches = records.matchSummary(invoice.number(), VerificationResult.MATCH).get(0);
        Instant first = (Instant) matches[0];
        Instant last = (Instant) matches[1];
        long parties = ((Number) matches[2]).longValue();
        if (first != null) {
            events.add(new Event(first, EventType.FIRST_VERIFIED, null, null));
            if (last.isAfter(first)) {
                events.add(new Event(last, EventType.LAST_VERIFIED, null, Long.toString(parties)));
            }
        }
        if (caller.isBackOffice()) {
            for (AnomalyFlagView flag : flags.ofInvoice(invoiceId)) {
                events.add(new Event(flag.raisedAt(), EventType.FLAG_RAISED, null, flag.kind().name()));
                if (!flag.open()) {
                    events.add(new Event(flag.acknowledgedAt(), EventType.FLAG_ACKNOWLEDGED, flag.acknowledgedBy(), flag.kind().name()));
                }
            }
        }
        // events of the same moment in the order things happen (received before delivered)
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::type));
        return new InvoiceTimeline(invoice.id(), invoice.number(), invoice.status(), parties, first, last, events);
    }

    private ShipmentView shipmentOf(long requestId, CurrentUser caller) {
        InvoiceRequestView request = requests.find(requestId, caller);
        return request.shipment();
    }
}
