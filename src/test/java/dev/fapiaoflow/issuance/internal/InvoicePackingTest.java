package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class InvoicePackingTest {

    private static final BigDecimal LIMIT = new BigDecimal("100000.00");
    private static final TaxClassification TRAINING = new TaxClassification(new BigDecimal("0.06"),
            "3070201020000000000", "非学历教育服务", "培训费");

    @Test
    void keepsAllLinesOnOneInvoiceWhileTheTotalFits() {
        List<List<TaxLine>> invoices = InvoicePacking.pack(lines("40000.00", "59999.99", "0.01"), LIMIT);
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0)).hasSize(3);
    }

    @Test
    void splitsWhenTheTotalWouldExceedTheLimit() {
        List<List<TaxLine>> invoices = InvoicePacking.pack(lines("60000.00", "50000.00"), LIMIT);
        assertThat(gross(invoices)).containsExactly(List.of("60000.00"), List.of("50000.00"));
    }

    @Test
    void fillsEarlierInvoicesWithLaterSmallLines() {
        List<List<TaxLine>> invoices = InvoicePacking.pack(lines("60000.00", "50000.00", "40000.00", "10000.00"), LIMIT);
        assertThat(gross(invoices)).containsExactly(List.of("60000.00", "40000.00"), List.of("50000.00", "10000.00"));
    }

    @Test
    void givesALineAboveTheLimitAnInvoiceOfItsOwn() {
        List<List<TaxLine>> invoices = InvoicePacking.pack(lines("1000.00", "150000.00", "2000.00"), LIMIT);
        assertThat(gross(invoices)).containsExactly(List.of("1000.00", "2000.00"), List.of("150000.00"));
    }

    @Test
    void neverExceedsTheLimitWithLinesBelowIt() {
        List<List<TaxLine>> invoices = InvoicePacking.pack(
                lines("33333.33", "33333.33", "33333.33", "33333.33", "0.02", "0.01"), LIMIT);
        assertThat(invoices).allSatisfy(invoice -> assertThat(
                invoice.stream().map(l -> l.amount().gross()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isLessThanOrEqualTo(LIMIT));
        assertThat(invoices).hasSize(2);
    }

    private static List<TaxLine> lines(String... gross) {
        return java.util.Arrays.stream(gross)
                .map(g -> TaxLine.of("Python 入门课", BigDecimal.ONE, new BigDecimal(g), TRAINING))
                .toList();
    }

    private static List<List<String>> gross(List<List<TaxLine>> invoices) {
        return invoices.stream().map(i -> i.stream().map(l -> l.amount().gross().toPlainString()).toList()).toList();
    }
}
