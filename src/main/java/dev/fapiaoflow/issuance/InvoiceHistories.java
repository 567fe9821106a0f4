package dev.fapiaoflow.issuance;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.issuance.internal.Invoice;
import dev.fapiaoflow.issuance.internal.InvoiceRepository;

/** Read-only: an invoice's status history for other features (verification's invoice timeline). */
@Component
public class InvoiceHistories {

    private final InvoiceRepository invoices;

    InvoiceHistories(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /** Empty for an id we never issued; who may see it is the caller's rule to apply (its {@code owner}). */
    @Transactional(readOnly = true)
    public Optional<InvoiceHistory> find(long invoiceId) {
        return invoices.findById(invoiceId).map(InvoiceHistories::history);
    }

    private static InvoiceHistory history(Invoice i) {
        return new InvoiceHistory(i.id(), i.number(), i.owner(), i.requestId(), i.kind(), i.status(), i.issuedAt(),
                i.history().stream().map(c -> new InvoiceHistory.Change(c.status(), c.changedAt(), c.actor(), c.note())).toList());
    }
}
