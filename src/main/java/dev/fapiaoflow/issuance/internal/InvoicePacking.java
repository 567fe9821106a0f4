package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request's lines into invoices only where the per-invoice limit (价税合计) forces it.
 *
 * <p>First fit, in line order: each whole line goes onto the first invoice it still fits on, so lines
 * keep their order on every invoice and small lines fill gaps left by big ones. A line is never split
 * (its amount is what the customer paid for one item); a single line above the limit therefore gets an
 * invoice of its own, and the tax system's own limit check is left to refuse it if it must.
 */
public final class InvoicePacking {

    private InvoicePacking() {
    }

    public static List<List<TaxLine>> pack(List<TaxLine> lines, BigDecimal maxTotalPerInvoice) {
        if (maxTotalPerInvoice.signum() <= 0) {
            throw new IllegalArgumentException("the per-invoice limit must be positive");
        }
        List<List<TaxLine>> invoices = new ArrayList<>();
        List<BigDecimal> totals = new ArrayList<>();
        for (TaxLine line : lines) {
            int target = firstFitting(totals, line.amount().gross(), maxTotalPerInvoice);
            if (target < 0) {
                invoices.add(new ArrayList<>());
                totals.add(BigDecimal.ZERO);
                target = invoices.size() - 1;
            }
            invoices.get(target).add(line);
            totals.set(target, totals.get(target).add(line.amount().gross()));
        }
        return invoices;
    }

    private static int firstFitting(List<BigDecimal> totals, BigDecimal amount, BigDecimal limit) {
        for (int i = 0; i < totals.size(); i++) {
            if (totals.get(i).add(amount).compareTo(limit) <= 0) {
                return i;
            }
        }
        return -1;
    }
}
