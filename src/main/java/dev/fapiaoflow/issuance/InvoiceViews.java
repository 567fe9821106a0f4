package dev.fapiaoflow.issuance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.buyer.BuyerType;
import dev.fapiaoflow.issuance.internal.CapitalAmount;
import dev.fapiaoflow.issuance.internal.Invoice;
import dev.fapiaoflow.issuance.internal.InvoiceLine;
import dev.fapiaoflow.issuance.internal.InvoiceStatusChange;

/** The JSON shapes of API.md "Invoices". Money travels as strings with two decimals, e.g. "1999.00". */
final class InvoiceViews {

    private InvoiceViews() {
    }

    record ListItem(long id, String number, String issueDate, InvoiceKind kind, InvoiceType type, InvoiceStatus status,
            String buyerTitle, String totalAmount, String taxAmount, Long requestId, Long originalInvoiceId,
            Long replacesInvoiceId) {

        static ListItem of(Invoice i) {
            return new ListItem(i.id(), i.number(), i.issueDate().toString(), i.kind(), i.type(), i.status(),
                    i.buyer().title(), money(i.totalAmount()), money(i.taxAmount()), i.requestId(), i.originalInvoiceId(),
                    i.replacesInvoiceId());
        }
    }

    record Detail(long id, String number, String issueDate, InvoiceKind kind, InvoiceType type, InvoiceStatus status,
            Buyer buyer, Seller seller, List<Line> lines, String netAmount, String totalAmount, String taxAmount,
            String totalInWords, String remarks, String issuer, Long originalInvoiceId, Long requestId,
            RedReason redLetterReason, List<Long> redLetterInvoiceIds, Long replacesInvoiceId, Long replacedByInvoiceId) {

        Detail withBuyerNumbersMasked() {
            return new Detail(id, number, issueDate, kind, type, status, buyer.masked(), seller, lines, netAmount, totalAmount,
                    taxAmount, totalInWords, remarks, issuer, originalInvoiceId, requestId, redLetterReason, redLetterInvoiceIds,
                    replacesInvoiceId, replacedByInvoiceId);
        }

        /** {@code reds}: red-letter invoices reversing this one; {@code replacedBy}: its corrected re-issue, if any */
        static Detail of(Invoice i, List<Invoice> reds, Invoice replacedBy) {
            return new Detail(i.id(), i.number(), i.issueDate().toString(), i.kind(), i.type(), i.status(),
                    Buyer.of(i.buyer()), new Seller(i.sellerName(), i.sellerTaxId(), i.sellerAddress(), i.sellerBank()),
                    i.lines().stream().map(Line::of).toList(), money(i.netAmount()), money(i.totalAmount()),
                    money(i.taxAmount()), CapitalAmount.of(i.totalAmount()), i.remarks(), i.issuer(),
                    i.originalInvoiceId(), i.requestId(), RedReason.of(i.redReason()),
                    reds.stream().map(Invoice::id).toList(), i.replacesInvoiceId(),
                    replacedBy == null ? null : replacedBy.id());
        }
    }

    /** 红冲原因: code 01…04 and its name */
    record RedReason(String code, String label) {

        static RedReason of(RedLetterReason reason) {
            return reason == null ? null : new RedReason(reason.code(), reason.label());
        }
    }

    record Buyer(BuyerType buyerType, String title, String taxId, String address, String phone, String bankName,
            String bankAccount) {

        Buyer masked() {
            return new Buyer(buyerType, title, dev.fapiaoflow.shared.Masks.creditCode(taxId), address,
                    dev.fapiaoflow.shared.Masks.phone(phone), bankName, dev.fapiaoflow.shared.Masks.bankAccount(bankAccount));
        }

        static Buyer of(BuyerDetails b) {
            return new Buyer(b.buyerType(), b.title(), b.taxId(), b.address(), b.phone(), b.bankName(), b.bankAccount());
        }
    }

    record Seller(String name, String taxId, String address, String bank) {
    }

    /** {@code amount} is net of tax (金额), {@code unitPrice} net per unit without trailing zeros. */
    record Line(int lineNo, String itemName, String taxCode, String unit, String quantity, String unitPrice,
            String amount, String taxRate, String taxAmount) {

        static Line of(InvoiceLine l) {
            return new Line(l.lineNo(), l.itemName(), l.taxCode(), l.unit(), plainOrNull(l.quantity()), plainOrNull(l.unitPrice()),
                    money(l.netAmount()), plain(l.taxRate()), money(l.taxAmount()));
        }
    }

    record StatusChange(InvoiceStatus status, Instant changedAt, String actor, String note) {

        static StatusChange of(InvoiceStatusChange c) {
            return new StatusChange(c.status(), c.changedAt(), c.actor(), c.note());
        }
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private static String plainOrNull(BigDecimal value) {
        return value == null ? null : plain(value);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
