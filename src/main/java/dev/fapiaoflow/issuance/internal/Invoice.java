package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.PrintedBuyer;
import dev.fapiaoflow.issuance.InvoiceDraft;
import dev.fapiaoflow.issuance.InvoiceKind;
import dev.fapiaoflow.issuance.InvoiceStatus;
import dev.fapiaoflow.issuance.InvoiceType;

/**
 * An issued invoice. What was issued never changes; only the status moves, each move recorded with time
 * and actor. The buyer's fields are encrypted at rest.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

    /** The actor of automated steps in the status history. */
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;
    private Long requestId;
    private String owner;
    @Enumerated(EnumType.STRING)
    private InvoiceKind kind;
    @Enumerated(EnumType.STRING)
    private InvoiceType type;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private LocalDate issueDate;
    private Instant issuedAt;

    @Embedded
    private PrintedBuyer buyer;

    private String sellerName;
    private String sellerTaxId;
    private String sellerAddress;
    private String sellerBank;

    private BigDecimal netAmount;
    private BigDecimal taxAmount;
    private BigDecimal totalAmount;
    private String remarks;
    private String issuer;
    private Long originalInvoiceId;

    @Version
    private long version;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    private List<InvoiceLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    @OrderBy("changedAt, id")
    private List<InvoiceStatusChange> history = new ArrayList<>();

    protected Invoice() {
    }

    /** A blue invoice for (part of) a request's draft, issued now under the given number. */
    public static Invoice issue(InvoiceDraft draft, List<TaxLine> lines, String number, LocalDate issueDate,
            Instant issuedAt, SellerProperties seller) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice needs at least one line");
        }
        Invoice invoice = new Invoice();
        invoice.number = number;
        invoice.requestId = draft.requestId();
        invoice.owner = draft.owner();
        invoice.kind = InvoiceKind.BLUE;
        invoice.type = draft.type();
        invoice.issueDate = issueDate;
        invoice.issuedAt = issuedAt;
        invoice.setBuyer(draft.buyer());
        invoice.sellerName = seller.name();
        invoice.sellerTaxId = seller.taxId();
        invoice.sellerAddress = seller.address();
        invoice.sellerBank = seller.bank();
        invoice.remarks = draft.remarks();
        invoice.issuer = seller.issuer();
        TaxedAmount total = TaxedAmount.zero();
        for (TaxLine line : lines) {
            invoice.lines.add(new InvoiceLine(invoice, invoice.lines.size() + 1, line));
            total = total.plus(line.amount());
        }
        invoice.netAmount = total.net();
        invoice.taxAmount = total.tax();
        invoice.totalAmount = total.gross();
        invoice.moveTo(InvoiceStatus.ISSUED, issuedAt, SYSTEM, null);
        return invoice;
    }

    public void markDelivered(String actor, Instant at) {
        requireStatus(InvoiceStatus.DELIVERED, EnumSet.of(InvoiceStatus.ISSUED));
        moveTo(InvoiceStatus.DELIVERED, at, actor, null);
    }

    /** Voided (作废) before the buyer booked it; delivered invoices may be voided too. */
    public void markVoided(String actor, Instant at, String reason) {
        requireStatus(InvoiceStatus.VOIDED, EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.DELIVERED));
        moveTo(InvoiceStatus.VOIDED, at, actor, reason);
    }

    /** Reversed by a red-letter invoice (红冲). */
    public void markRedFlushed(String actor, Instant at, String note) {
        requireStatus(InvoiceStatus.RED_FLUSHED, EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.DELIVERED));
        moveTo(InvoiceStatus.RED_FLUSHED, at, actor, note);
    }

    private void requireStatus(InvoiceStatus target, Set<InvoiceStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new IllegalInvoiceTransition(id, status, target);
        }
    }

    private void moveTo(InvoiceStatus target, Instant at, String actor, String note) {
        status = target;
        history.add(new InvoiceStatusChange(this, target, at, actor, note));
    }

    private void setBuyer(BuyerDetails buyer) {
        if (buyer == null || buyer.buyerType() == null || buyer.title() == null || buyer.title().isBlank()) {
            throw new IllegalArgumentException("an invoice needs a buyer type and title");
        }
        this.buyer = new PrintedBuyer(buyer);
    }

    /** The buyer as printed; e-mail and taxpayer kind belong to the request and are not kept here. */
    public BuyerDetails buyer() {
        return buyer.details(null, null);
    }

    public Long id() { return id; }
    public String number() { return number; }
    public Long requestId() { return requestId; }
    public String owner() { return owner; }
    public InvoiceKind kind() { return kind; }
    public InvoiceType type() { return type; }
    public InvoiceStatus status() { return status; }
    public LocalDate issueDate() { return issueDate; }
    public Instant issuedAt() { return issuedAt; }
    public String sellerName() { return sellerName; }
    public String sellerTaxId() { return sellerTaxId; }
    public String sellerAddress() { return sellerAddress; }
    public String sellerBank() { return sellerBank; }
    public BigDecimal netAmount() { return netAmount; }
    public BigDecimal taxAmount() { return taxAmount; }
    public BigDecimal totalAmount() { return totalAmount; }
    public String remarks() { return remarks; }
    public String issuer() { return issuer; }
    public Long originalInvoiceId() { return originalInvoiceId; }
    public List<InvoiceLine> lines() { return Collections.unmodifiableList(lines); }
    public List<InvoiceStatusChange> history() { return Collections.unmodifiableList(history); }

    @Override
    public String toString() {
        // no buyer fields: invoices end up in logs and exception messages
        return "Invoice[id=" + id + ", number=" + number + ", status=" + status + "]";
    }
}
