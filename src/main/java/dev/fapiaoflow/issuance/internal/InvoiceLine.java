package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One item on an invoice; immutable once issued. The amount (金额) is net of tax. */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;

    private int lineNo;
    private String itemName;
    private String taxCode;
    private String unit;
    private BigDecimal quantity;
    private BigDecimal unitPrice;
    @Column(name = "net_amount")
    private BigDecimal netAmount;
    private BigDecimal taxRate;
    private BigDecimal taxAmount;

    protected InvoiceLine() {
    }

    InvoiceLine(Invoice invoice, int lineNo, TaxLine line) {
        this.invoice = invoice;
        this.lineNo = lineNo;
        this.itemName = line.itemName();
        this.taxCode = line.taxCode();
        this.quantity = line.quantity();
        this.unitPrice = line.unitPrice();
        this.netAmount = line.amount().net();
        this.taxRate = line.taxRate();
        this.taxAmount = line.amount().tax();
    }

    /** {@code line} negated exactly: quantity, amount and tax turn negative; unit price and rate stay. */
    static InvoiceLine reversing(Invoice red, int lineNo, InvoiceLine line) {
        InvoiceLine reversed = copying(red, lineNo, line);
        reversed.quantity = line.quantity == null ? null : line.quantity.negate();
        reversed.netAmount = line.netAmount.negate();
        reversed.taxAmount = line.taxAmount.negate();
        return reversed;
    }

    /** Part of {@code line} reversed, as an amount without quantity or unit price. */
    static InvoiceLine reversingPart(Invoice red, int lineNo, InvoiceLine line, TaxedAmount part) {
        InvoiceLine reversed = copying(red, lineNo, line);
        reversed.quantity = null;
        reversed.unitPrice = null;
        reversed.netAmount = part.net().negate();
        reversed.taxAmount = part.tax().negate();
        return reversed;
    }

    static InvoiceLine copying(Invoice invoice, int lineNo, InvoiceLine line) {
        InvoiceLine copy = new InvoiceLine();
        copy.invoice = invoice;
        copy.lineNo = lineNo;
        copy.itemName = line.itemName;
        copy.taxCode = line.taxCode;
        copy.unit = line.unit;
        copy.quantity = line.quantity;
        copy.unitPrice = line.unitPrice;
        copy.netAmount = line.netAmount;
        copy.taxRate = line.taxRate;
        copy.taxAmount = line.taxAmount;
        return copy;
    }

    public int lineNo() { return lineNo; }
    public String itemName() { return itemName; }
    public String taxCode() { return taxCode; }
    public String unit() { return unit; }
    public BigDecimal quantity() { return quantity; }
    public BigDecimal unitPrice() { return unitPrice; }
    public BigDecimal netAmount() { return netAmount; }
    public BigDecimal taxRate() { return taxRate; }
    public BigDecimal taxAmount() { return taxAmount; }
}
