package dev.fapiaoflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.fapiaoflow.accounting.internal.AccountingProperties;
import dev.fapiaoflow.issuance.InvoiceKind;
import dev.fapiaoflow.issuance.InvoiceLedger;
import dev.fapiaoflow.issuance.LedgerEntry;

/** The day's vouchers, numbered 记-0001… in time order, derived afresh from the invoices each time they are asked for. */
@Service
@EnableConfigurationProperties(AccountingProperties.class)
public class VoucherFeed {

    private final InvoiceLedger ledger;
    private final AccountingProperties accounts;

    VoucherFeed(InvoiceLedger ledger, AccountingProperties accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    public DailyVouchers vouchersOn(LocalDate day) {
        List<Voucher> vouchers = new ArrayList<>();
        for (LedgerEntry entry : ledger.entriesOn(day)) {
            vouchers.add(voucher(day, vouchers.size() + 1, entry));
        }
        BigDecimal debit = vouchers.stream().map(Voucher::debitTotal).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal credit = vouchers.stream().map(Voucher::creditTotal).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new DailyVouchers(day, List.copyOf(vouchers), debit, credit, debit.compareTo(credit) == 0);
    }

    private Voucher voucher(LocalDate day, int sequence, LedgerEntry entry) {
        // a void reverses the invoice's own (positive) amounts; a red-letter invoice's amounts are negative already
        BigDecimal sign = entry.event() == LedgerEntry.Event.VOIDED ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        String event;
        String summary;
        if (entry.event() == LedgerEntry.Event.VOIDED) {
            event = "VOIDED";
            summary = "作废发票 " + entry.number() + " 冲销";
        } else if (entry.kind() == InvoiceKind.RED) {
            event = "RED_LETTER";
            summary = "红字发票 " + entry.number() + " 冲销 " + (entry.originalNumber() == null ? "" : entry.originalNumber());
        } else {
            event = "ISSUED";
            summary = "开具发票 " + entry.number() + " 确认收入";
        }
        List<Voucher.Line> lines = List.of(
                new Voucher.Line(accounts.receivableCode(), accounts.receivableName(), money(entry.totalAmount().multiply(sign)), zero()),
                new Voucher.Line(accounts.revenueCode(), accounts.revenueName(), zero(), money(entry.netAmount().multiply(sign))),
                new Voucher.Line(accounts.outputVatCode(), accounts.outputVatName(), zero(), money(entry.taxAmount().multiply(sign))));
        return new Voucher(day, accounts.voucherWord() + "-" + String.format("%04d", sequence), summary.strip(), entry.number(),
                event, lines);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
