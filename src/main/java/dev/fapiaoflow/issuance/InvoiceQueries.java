package dev.fapiaoflow.issuance;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.issuance.internal.Invoice;
import dev.fapiaoflow.issuance.internal.InvoiceRepository;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.NotFoundException;

/**
 * Reads for the API, with the access rule in one place: customers see their own invoices, finance sees all,
 * customer service the invoices of disputes (the disputed one, its red-letter and its re-issue); anything else is
 * "not found", so invoice ids cannot be probed.
 */
@Component
class InvoiceQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("issuedAt"), Sort.Order.desc("id"));

    private final InvoiceRepository invoices;
    private final IssuanceService issuance;
    private final ObjectProvider<DisputedInvoices> disputed;

    InvoiceQueries(InvoiceRepository invoices, IssuanceService issuance, ObjectProvider<DisputedInvoices> disputed) {
        this.invoices = invoices;
        this.issuance = issuance;
        this.disputed = disputed;
    }

    @Transactional(readOnly = true)
    List<InvoiceViews.ListItem> list(CurrentUser user, int page, int size) {
        PageRequest request = PageRequest.of(page, size, NEWEST_FIRST);
        List<Invoice> found;
        if (user.handlesDisputesOnly()) {
            Set<Long> ids = disputedIds();
            found = ids.isEmpty() ? List.of() : invoices.findByIdInOrOriginalInvoiceIdInOrReplacesInvoiceIdIn(ids, ids, ids, request);
        } else {
            found = user.isBackOffice() ? invoices.findAllBy(request) : invoices.findByOwner(user.id(), request);
        }
        return found.stream().map(InvoiceViews.ListItem::of).toList();
    }

    @Transactional(readOnly = true)
    InvoiceViews.Detail detail(CurrentUser user, long id) {
        Invoice invoice = readable(user, id);
        List<Invoice> reds = invoice.kind() == InvoiceKind.BLUE ? invoices.findByOriginalInvoiceIdOrderById(id) : List.of();
        InvoiceViews.Detail detail = InvoiceViews.Detail.of(invoice, reds, invoices.findByReplacesInvoiceId(id).orElse(null));
        // the owner and finance see the buyer's numbers whole; customer service handles the dispute without them
        boolean whole = user.id().equals(invoice.owner()) || user.groups().contains(dev.fapiaoflow.shared.Groups.FINANCE_REVIEWER)
                || user.groups().contains(dev.fapiaoflow.shared.Groups.FINANCE_MANAGER);
        return whole ? detail : detail.withBuyerNumbersMasked();
    }

    @Transactional(readOnly = true)
    List<InvoiceViews.StatusChange> history(CurrentUser user, long id) {
        return readable(user, id).history().stream().map(InvoiceViews.StatusChange::of).toList();
    }

    /** Not in a transaction: a PDF not stored yet is made in a transaction of its own (see IssuanceService#pdf). */
    InvoiceAttachment pdf(CurrentUser user, long id) {
        Invoice invoice = readable(user, id);
        byte[] pdf = issuance.pdf(id).orElseThrow(() -> new NotFoundException("PDF of invoice", id));
        return new InvoiceAttachment(id, invoice.number(), invoice.number() + ".pdf", "application/pdf", pdf);
    }

    /** Not in a transaction: the first request makes the OFD in a transaction of its own (see IssuanceService#ofd). */
    InvoiceAttachment ofd(CurrentUser user, long id) {
        Invoice invoice = readable(user, id);
        byte[] ofd = issuance.ofd(id).orElseThrow(() -> new NotFoundException("OFD of invoice", id));
        return new InvoiceAttachment(id, invoice.number(), invoice.number() + ".ofd", "application/ofd", ofd);
    }

    private Invoice readable(CurrentUser user, long id) {
        return invoices.findById(id)
                .filter(invoice -> user.handlesDisputesOnly() ? ofADispute(invoice) : user.mayRead(invoice.owner()))
                .orElseThrow(() -> new NotFoundException("invoice", id));
    }

    private boolean ofADispute(Invoice invoice) {
        Set<Long> ids = disputedIds();
        return java.util.stream.Stream.of(invoice.id(), invoice.originalInvoiceId(), invoice.replacesInvoiceId())
                .anyMatch(id -> id != null && ids.contains(id));
    }

    private Set<Long> disputedIds() {
        DisputedInvoices source = disputed.getIfAvailable();
        return source == null ? Set.of() : source.disputedInvoiceIds();
    }
}
