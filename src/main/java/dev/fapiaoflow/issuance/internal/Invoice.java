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
import dev.fapiaoflow.issuance.InvoiceMedium;
import dev.fapiaoflow.issuance.InvoiceStatus;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.issuance.RedLetterReason;
import dev.fapiaoflow.platform.PlatformOrder;
import dev.fapiaoflow.shared.Texts;

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
    /** on a red-letter invoice: the tax bureau's reason code (01 开票有误 …) */
    private String redReason;
    /** on a re-issued blue invoice: the invoice it corrects, which was red-flushed or voided */
    private Long replacesInvoiceId;
    /** paper (数电纸质发票) or electronic, in both modes: it decides whether the invoice may ever be voided */
    @Enumerated(EnumType.STRING)
    private InvoiceMedium medium;
    /** the platform's code of its 数电 kind (pc, bs, ec, es); a red-letter invoice carries its blue invoice's */
    private String invoiceLine;

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
        invoice.setMedium(draft.paper() ? InvoiceMedium.PAPER : InvoiceMedium.ELECTRONIC);
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

    /**
     * A red-letter invoice reversing the whole of {@code original}: every line negated exactly (quantity, amount,
     * tax; unit price and rate as they were), so the two net to zero. Same buyer, seller, type, owner and request.
     */
    public static Invoice redLetterFor(Invoice original, RedLetterReason reason, String number, LocalDate issueDate,
            Instant issuedAt, SellerProperties seller) {
        Invoice red = redShell(original, reason, number, issueDate, issuedAt, seller);
        for (InvoiceLine line : original.lines) {
            red.lines.add(InvoiceLine.reversing(red, red.lines.size() + 1, line));
        }
        red.totalsFromLines();
        red.moveTo(InvoiceStatus.ISSUED, issuedAt, SYSTEM, Texts.inProductLanguage("invoice.history.redOf", original.number));
        return red;
    }

    /**
     * A red-letter invoice reversing part of {@code original} (a partial refund): the refunded gross amount is spread
     * over the original's lines in proportion to their gross amounts, the last line taking the rounding remainder,
     * and each part is split into net and tax at the line's rate. A part that is a whole line reverses that line
     * exactly; other parts carry no quantity or unit price, as a 销售折让 line does.
     */
    public static Invoice partialRedLetterFor(Invoice original, BigDecimal refundedGross, RedLetterReason reason,
            String number, LocalDate issueDate, Instant issuedAt, SellerProperties seller) {
        if (refundedGross.signum() <= 0 || refundedGross.compareTo(original.totalAmount) > 0 || refundedGross.scale() > 2) {
            throw new IllegalArgumentException("refunded amount " + refundedGross + " is not a part of " + original.totalAmount);
        }
        if (refundedGross.compareTo(original.totalAmount) == 0) {
            return redLetterFor(original, reason, number, issueDate, issuedAt, seller);
        }
        Invoice red = redShell(original, reason, number, issueDate, issuedAt, seller);
        BigDecimal left = refundedGross.setScale(2);
        for (int i = 0; i < original.lines.size(); i++) {
            InvoiceLine line = original.lines.get(i);
            BigDecimal gross = line.netAmount().add(line.taxAmount());
            BigDecimal part = i == original.lines.size() - 1 ? left
                    : refundedGross.multiply(gross).divide(original.totalAmount, 2, java.math.RoundingMode.HALF_UP).min(left);
            left = left.subtract(part);
            if (part.signum() == 0) {
                continue;
            }
            red.lines.add(part.compareTo(gross) == 0 ? InvoiceLine.reversing(red, red.lines.size() + 1, line)
                    : InvoiceLine.reversingPart(red, red.lines.size() + 1, line, TaxedAmount.ofGross(part, line.taxRate())));
        }
        red.totalsFromLines();
        red.moveTo(InvoiceStatus.ISSUED, issuedAt, SYSTEM, Texts.inProductLanguage("invoice.history.partialRedOf", original.number));
        return red;
    }

    private static Invoice redShell(Invoice original, RedLetterReason reason, String number, LocalDate issueDate,
            Instant issuedAt, SellerProperties seller) {
        if (original.kind != InvoiceKind.BLUE) {
            throw new IllegalArgumentException("only a blue invoice can be reversed, not " + original);
        }
        Invoice red = new Invoice();
        red.number = number;
        red.requestId = original.requestId;
        red.owner = original.owner;
        red.kind = InvoiceKind.RED;
        red.type = original.type;
        red.issueDate = issueDate;
        red.issuedAt = issuedAt;
        red.buyer = new PrintedBuyer(original.buyer());
        red.sellerName = original.sellerName;
        red.sellerTaxId = original.sellerTaxId;
        red.sellerAddress = original.sellerAddress;
        red.sellerBank = original.sellerBank;
        red.issuer = seller.issuer();
        red.originalInvoiceId = original.id;
        // the red-letter invoice is of the blue one's kind (saveInvoiceRedConfirm names it as blueInvoiceLine)
        red.medium = original.medium;
        red.invoiceLine = original.invoiceLine;
        red.redReason = reason.code();
        red.remarks = "被红冲蓝字数电发票号码：" + original.number + "；红冲原因：" + reason.code() + " " + reason.label();
        return red;
    }

    /**
     * A blue invoice correcting {@code original} (red-flushed or voided): the same lines and type, the corrected buyer,
     * a new number, and a link back.
     */
    public static Invoice reissueOf(Invoice original, BuyerDetails correctedBuyer, InvoiceType type, String number, LocalDate issueDate,
            Instant issuedAt, SellerProperties seller) {
        if (original.kind != InvoiceKind.BLUE
                || (original.status != InvoiceStatus.RED_FLUSHED && original.status != InvoiceStatus.VOIDED)) {
            throw new IllegalArgumentException("only a red-flushed or voided blue invoice is re-issued, not " + original);
        }
        Invoice invoice = new Invoice();
        invoice.number = number;
        invoice.requestId = original.requestId;
        invoice.owner = original.owner;
        invoice.kind = InvoiceKind.BLUE;
        invoice.type = type;
        invoice.issueDate = issueDate;
        invoice.issuedAt = issuedAt;
        invoice.setBuyer(correctedBuyer);
        invoice.sellerName = seller.name();
        invoice.sellerTaxId = seller.taxId();
        invoice.sellerAddress = seller.address();
        invoice.sellerBank = seller.bank();
        invoice.issuer = seller.issuer();
        invoice.remarks = original.remarks;
        invoice.replacesInvoiceId = original.id;
        // a correction is mailed with the dispute's answer (DisputeCorrections.deliverCorrection): electronic
        invoice.setMedium(InvoiceMedium.ELECTRONIC);
        for (InvoiceLine line : original.lines) {
            invoice.lines.add(InvoiceLine.copying(invoice, invoice.lines.size() + 1, line));
        }
        invoice.totalsFromLines();
        invoice.moveTo(InvoiceStatus.ISSUED, issuedAt, SYSTEM, Texts.inProductLanguage("invoice.history.correctionOf", original.number));
        return invoice;
    }

    /**
     * The re-issue of a red-flushed or voided invoice whose amounts were wrong: lines recomputed from the orders as
     * they are now (the same tax classification as a new invoice), instead of copied from the original.
     */
    public static Invoice reissueOf(Invoice original, BuyerDetails buyer, InvoiceType type, List<TaxLine> recomputed,
            String number, LocalDate issueDate, Instant issuedAt, SellerProperties seller) {
        if (original.kind != InvoiceKind.BLUE
                || (original.status != InvoiceStatus.RED_FLUSHED && original.status != InvoiceStatus.VOIDED)) {
            throw new IllegalArgumentException("only a red-flushed or voided blue invoice is re-issued, not " + original);
        }
        Invoice invoice = issue(new InvoiceDraft(original.requestId, original.owner, type, buyer, List.of(), original.remarks),
                recomputed, number, issueDate, issuedAt, seller);
        invoice.replacesInvoiceId = original.id;
        return invoice;
    }

    private void totalsFromLines() {
        BigDecimal net = BigDecimal.ZERO.setScale(2);
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        for (InvoiceLine line : lines) {
            net = net.add(line.netAmount());
            tax = tax.add(line.taxAmount());
        }
        netAmount = net;
        taxAmount = tax;
        totalAmount = net.add(tax);
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
        requireStatus(InvoiceStatus.RED_FLUSHED,
                EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.DELIVERED, InvoiceStatus.PARTIALLY_RED_FLUSHED));
        moveTo(InvoiceStatus.RED_FLUSHED, at, actor, note);
    }

    /** Part of it reversed by a red-letter invoice (a partial refund). */
    public void markPartiallyRedFlushed(String actor, Instant at, String note) {
        requireStatus(InvoiceStatus.PARTIALLY_RED_FLUSHED,
                EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.DELIVERED, InvoiceStatus.PARTIALLY_RED_FLUSHED));
        moveTo(InvoiceStatus.PARTIALLY_RED_FLUSHED, at, actor, note);
    }

    /** An entry in the history without a change of status, e.g. that a corrected invoice replaced this one. */
    public void recordNote(String actor, Instant at, String note) {
        moveTo(status, at, actor, note);
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

    private void setMedium(InvoiceMedium medium) {
        this.medium = medium;
        this.invoiceLine = PlatformOrder.invoiceLine(type == InvoiceType.SPECIAL ? PlatformOrder.Kind.SPECIAL
                : PlatformOrder.Kind.ORDINARY, medium == InvoiceMedium.PAPER);
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
    public RedLetterReason redReason() { return redReason == null ? null : RedLetterReason.ofCode(redReason); }
    public Long replacesInvoiceId() { return replacesInvoiceId; }
    public InvoiceMedium medium() { return medium; }
    public String invoiceLine() { return invoiceLine; }
    public List<InvoiceLine> lines() { return Collections.unmodifiableList(lines); }
    public List<InvoiceStatusChange> history() { return Collections.unmodifiableList(history); }

    @Override
    public String toString() {
        // no buyer fields: invoices end up in logs and exception messages
        return "Invoice[id=" + id + ", number=" + number + ", status=" + status + "]";
    }
}
