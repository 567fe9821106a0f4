package dev.fapiaoflow.issuance;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.fapiaoflow.issuance.internal.Invoice;
import dev.fapiaoflow.issuance.internal.InvoiceRepository;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.NotFoundException;

/**
 * Reads for the API, with the access rule in one place: customers see their own invoices, the back office
 * sees all; anything else is "not found", so invoice ids cannot be probed.
 */
@Component
class InvoiceQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("issuedAt"), Sort.Order.desc("id"));

    private final InvoiceRepository invoices;
    private final IssuanceService issuance;

    InvoiceQueries(InvoiceRepository invoices, IssuanceService issuance) {
        this.invoices = invoices;
        this.issuance = issuance;
    }

    @Transactional(readOnly = true)
    List<InvoiceViews.ListItem> list(CurrentUser user, int page, int size) {
        PageRequest request = PageRequest.of(page, size, NEWEST_FIRST);
        List<Invoice> found = user.isBackOffice() ? invoices.findAllBy(request) : invoices.findByOwner(user.id(), request);
        return found.stream().map(InvoiceViews.ListItem::of).toList();
    }

    @Transactional(readOnly = true)
    InvoiceViews.Detail detail(CurrentUser user, long id) {
        Invoice invoice = readable(user, id);
        List<Invoice> reds = invoice.kind() == InvoiceKind.BLUE ? invoices.findByOriginalInvoiceIdOrderById(id) : List.of();
        InvoiceViews.Detail detail = InvoiceViews.Detail.of(invoice, reds, invoices.findByReplacesInvoiceId(id).orElse(null));
        // the owner and finance see the buyer's numbers whole; customer service handles the dispute without them
        boolean whole = user.id().equals(invoice.owner()) || user.groups().contains(dev.fapiaoflow.security.Groups.FINANCE_REVIEWER)
                || user.groups().contains(dev.fapiaoflow.security.Groups.FINANCE_MANAGER);
        return whole ? detail : detail.withBuyerNumbersMasked();
    }

    @Transactional(readOnly = true)
    List<InvoiceViews.StatusChange> history(CurrentUser user, long id) {
        return readable(user, id).history().stream().map(InvoiceViews.StatusChange::of).toList();
    }

    @Transactional(readOnly = true)
    InvoiceAttachment pdf(CurrentUser user, long id) {
        Invoice invoice = readable(user, id);
        byte[] pdf = issuance.pdf(id).orElseThrow(() -> new NotFoundException("PDF of invoice", id));
        return new InvoiceAttachment(id, invoice.number(), invoice.number() + ".pdf", "application/pdf", pdf);
    }

    private Invoice readable(CurrentUser user, long id) {
        return invoices.findById(id)
                .filter(invoice -> user.mayRead(invoice.owner()))
                .orElseThrow(() -> new NotFoundException("invoice", id));
    }
}
