package dev.fapiaoflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One 记账凭证 for one invoice event: Dr receivable = total, Cr revenue = net, Cr output VAT = tax. A red-letter
 * invoice or a void books the same lines in red (negative amounts), the way Chinese books reverse an entry.
 */
public record Voucher(LocalDate date, String number, String summary, String invoiceNumber, String event,
        List<Line> lines) {

    public record Line(String accountCode, String accountName, BigDecimal debit, BigDecimal credit) {
    }

    public BigDecimal debitTotal() {
        return lines.stream().map(Line::debit).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public BigDecimal creditTotal() {
        return lines.stream().map(Line::credit).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    public boolean balanced() {
        return debitTotal().compareTo(creditTotal()) == 0;
    }
}
