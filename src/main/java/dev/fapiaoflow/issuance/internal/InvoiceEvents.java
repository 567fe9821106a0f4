package dev.fapiaoflow.issuance.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.issuance.InvoiceEvent;

/** Publishes {@link InvoiceEvent}s in the caller's transaction. */
@Component
public class InvoiceEvents {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvoiceEvents(ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.events = events;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    public void publish(InvoiceEvent.Type type, Invoice invoice, String redInvoiceNumber) {
        events.publishEvent(new InvoiceEvent(type, invoice.id(), invoice.number(), invoice.requestId(), invoice.owner(),
                invoice.kind(), invoice.totalAmount(), redInvoiceNumber, clock.instant()));
    }
}
