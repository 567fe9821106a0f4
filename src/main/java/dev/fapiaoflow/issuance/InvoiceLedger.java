package dev.fapiaoflow.issuance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.issuance.internal.Invoice;
import dev.fapiaoflow.issuance.internal.InvoiceRepository;
import dev.fapiaoflow.issuance.internal.InvoiceStatusChange;
import dev.fapiaoflow.shared.TimeConfig;

/** What happened to invoices on one day (Asia/Shanghai) that the books must record, for the accounting feed. */
@Service
public class InvoiceLedger {

    private final InvoiceRepository invoices;

    InvoiceLedger(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    /** Invoices issued that day (blue and red) and blue invoices voided that day, in time order. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> entriesOn(LocalDate day) {
        Instant from = day.atStartOfDay(TimeConfig.CHINA).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(TimeConfig.CHINA).toInstant();
        List<LedgerEntry> entries = new ArrayList<>();
        for (Invoice invoice : invoices.findByIssueDateOrderById(day)) {
            entries.add(entry(LedgerEntry.Event.ISSUED, invoice, invoice.issuedAt()));
        }
        for (Invoice invoice : invoices.findVoidedBetween(from, to)) {
            Instant voidedAt = invoice.history().stream().filter(c -> c.status() == InvoiceStatus.VOIDED)
                    .map(InvoiceStatusChange::changedAt).findFirst().orElseThrow();
            entries.add(entry(LedgerEntry.Event.VOIDED, invoice, voidedAt));
        }
        entries.sort(Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::invoiceId));
        return entries;
    }

    private LedgerEntry entry(LedgerEntry.Event event, Invoice invoice, Instant at) {
        String original = invoice.originalInvoiceId() == null ? null
                : invoices.findById(invoice.originalInvoiceId()).map(Invoice::number).orElse(null);
        return new LedgerEntry(event, invoice.id(), invoice.number(), invoice.kind(), original, at,
                invoice.netAmount(), invoice.taxAmount(), invoice.totalAmount());
    }
}
