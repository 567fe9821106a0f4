package dev.fapiaoflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A day's vouchers with the day's totals; {@code balanced} is true when debits equal credits. */
public record DailyVouchers(LocalDate date, List<Voucher> vouchers, BigDecimal debitTotal, BigDecimal creditTotal,
        boolean balanced) {
}
