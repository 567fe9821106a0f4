package dev.fapiaoflow.verification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.reporting.ReportContributor;
import dev.fapiaoflow.reporting.ReportRange;
import dev.fapiaoflow.reporting.ReportSection;
import dev.fapiaoflow.reporting.ReportTable;
import dev.fapiaoflow.reporting.ReportTable.ColumnType;
import dev.fapiaoflow.verification.internal.IncomingInvoiceStore;

/**
 * The incoming-invoice ledger (进项发票台账) in figures, by status: entries now, those waiting for review, those
 * registered in the range, status changes the re-check found in the range and since the start of last month
 * (Asia/Shanghai).
 */
@Component
@Order(46)
class IncomingInvoiceReport implements ReportContributor {

    private final IncomingInvoiceStore store;
    private final ForeignVerificationService foreign;

    IncomingInvoiceReport(IncomingInvoiceStore store, ForeignVerificationService foreign) {
        this.store = store;
        this.foreign = foreign;
    }

    @Override
    public ReportSection contribute(ReportRange range) {
        LocalDate lastMonth = foreign.today().withDayOfMonth(1).minusMonths(1);
        Map<ForeignInvoiceStatus, IncomingInvoiceStore.StatusCount> now = store.countsByStatus();
        Map<ForeignInvoiceStatus, Long> registered = store.registeredByStatus(range.start(), range.end());
        Map<ForeignInvoiceStatus, Long> changed = store.changedToStatus(range.start(), range.end());
        ReportRange sinceStartOfLastMonth = new ReportRange(lastMonth, foreign.today());
        Map<ForeignInvoiceStatus, Long> sinceLastMonth = store.changedToStatus(sinceStartOfLastMonth.start(), sinceStartOfLastMonth.end());
        ReportTable.Builder table = ReportTable.titled("reports.incoming.byStatus")
                .column("incoming.status", ColumnType.TEXT)
                .column("reports.incoming.entries", ColumnType.COUNT)
                .column("reports.incoming.reviewPending", ColumnType.COUNT)
                .column("reports.incoming.registered", ColumnType.COUNT)
                .column("reports.incoming.changed", ColumnType.COUNT)
                .column("reports.incoming.changedSinceLastMonth", ColumnType.COUNT);
        long[] all = new long[5];
        for (ForeignInvoiceStatus status : ForeignInvoiceStatus.values()) {
            IncomingInvoiceStore.StatusCount count = now.getOrDefault(status, new IncomingInvoiceStore.StatusCount(0, 0));
            long[] row = {count.entries(), count.reviewPending(), registered.getOrDefault(status, 0L), changed.getOrDefault(status, 0L),
                    sinceLastMonth.getOrDefault(status, 0L)};
            table.row("incoming.status." + status.name(), row[0], row[1], row[2], row[3], row[4]);
            for (int i = 0; i < all.length; i++) {
                all[i] += row[i];
            }
        }
        table.row("reports.all", all[0], all[1], all[2], all[3], all[4]);
        return new ReportSection("incoming", "reports.incoming.title", List.of(table.build()), List.of());
    }
}
