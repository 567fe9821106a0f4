package dev.fapiaoflow.periodic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

import dev.fapiaoflow.shared.TimeConfig;

/**
 * One calendar month ({@code 2026-10}) or quarter ({@code 2026-Q3}) in Shanghai time, from its first day
 * (inclusive) to the first day of the next (exclusive). The label is the key of {@code periodic_invoice_run}.
 */
public record InvoicingPeriod(String label, LocalDate firstDay, LocalDate dayAfter) {

    /** the last complete month or quarter before {@code runDate}: a run on 1 November invoices October or Q3 */
    public static InvoicingPeriod lastCompleteBefore(Frequency frequency, LocalDate runDate) {
        return switch (frequency) {
            case MONTHLY -> {
                LocalDate first = runDate.withDayOfMonth(1).minusMonths(1);
                yield new InvoicingPeriod("%04d-%02d".formatted(first.getYear(), first.getMonthValue()), first,
                        first.plusMonths(1));
            }
            case QUARTERLY -> {
                LocalDate currentQuarter = runDate.with(IsoFields.DAY_OF_QUARTER, 1);
                LocalDate first = currentQuarter.minusMonths(3);
                yield new InvoicingPeriod("%04d-Q%d".formatted(first.getYear(), first.get(IsoFields.QUARTER_OF_YEAR)),
                        first, currentQuarter);
            }
        };
    }

    public Instant from() {
        return firstDay.atStartOfDay(TimeConfig.CHINA).toInstant();
    }

    public Instant until() {
        return dayAfter.atStartOfDay(TimeConfig.CHINA).toInstant();
    }
}
