package dev.fapiaoflow.verification.internal;

import java.math.BigDecimal;

import dev.fapiaoflow.issuance.VerifiableInvoice;
import dev.fapiaoflow.verification.VerificationAnswer;

/** The invoice's face data as a verifier sees it after a MATCH; the buyer's name whole or masked. */
public final class AnswerInvoices {

    private AnswerInvoices() {
    }

    public static VerificationAnswer.Invoice of(VerifiableInvoice invoice, boolean wholeBuyerName) {
        String buyerName = wholeBuyerName ? invoice.buyerTitle() : BuyerNameMask.mask(invoice.buyerType(), invoice.buyerTitle());
        return new VerificationAnswer.Invoice(invoice.number(), invoice.issueDate().toString(), invoice.kind().name(),
                invoice.type().name(), invoice.sellerName(), buyerName, money(invoice.totalAmount()),
                money(invoice.taxAmount()), invoice.lines().stream().map(AnswerInvoices::item).toList());
    }

    private static VerificationAnswer.Item item(VerifiableInvoice.Line line) {
        return new VerificationAnswer.Item(line.itemName(), plain(line.quantity()), money(line.amount()),
                plain(line.taxRate()), money(line.taxAmount()));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    /** a partly reversed line of a red-letter invoice has no quantity */
    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
