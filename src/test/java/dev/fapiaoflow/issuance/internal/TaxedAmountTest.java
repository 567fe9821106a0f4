package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxedAmountTest {

    @ParameterizedTest(name = "{0} at {1} → net {2}, tax {3}")
    @CsvSource({
            "1999.00, 0.06, 1885.85, 113.15",
            "100.00, 0.06, 94.34, 5.66",
            "100.00, 0.13, 88.50, 11.50",
            "100.00, 0.09, 91.74, 8.26",
            "100.00, 0.01, 99.01, 0.99",
            "0.01, 0.06, 0.01, 0.00",
            "0.02, 0.13, 0.02, 0.00",
            "106.00, 0.06, 100.00, 6.00",
            "100000.00, 0.06, 94339.62, 5660.38",
            "10.00, 0, 10.00, 0.00",
    })
    void splitsTaxInclusivePriceIntoNetAndTax(BigDecimal gross, BigDecimal rate, BigDecimal net, BigDecimal tax) {
        TaxedAmount amount = TaxedAmount.ofGross(gross, rate);
        assertThat(amount.net()).isEqualTo(net);
        assertThat(amount.tax()).isEqualTo(tax);
        assertThat(amount.net().add(amount.tax())).isEqualTo(gross);
    }

    @Test
    void roundsNetHalfUpAtTheFen() {
        // 0.53 / 1.06 = 0.5 exactly → 0.50
        assertThat(TaxedAmount.ofGross(new BigDecimal("0.53"), new BigDecimal("0.06")).net()).isEqualTo("0.50");
        // 5.35 / 1.06 = 5.04716… → 5.05 (HALF_UP at the third decimal 7)
        assertThat(TaxedAmount.ofGross(new BigDecimal("5.35"), new BigDecimal("0.06")).net()).isEqualTo("5.05");
        // 2.65 / 1.06 = 2.5 → 2.50 ; 2.66 / 1.06 = 2.509433… → 2.51
        assertThat(TaxedAmount.ofGross(new BigDecimal("2.66"), new BigDecimal("0.06")).net()).isEqualTo("2.51");
    }

    @Test
    void keepsTwoDecimalsEvenForWholeYuan() {
        TaxedAmount amount = TaxedAmount.ofGross(new BigDecimal("106"), new BigDecimal("0.06"));
        assertThat(amount.gross().toPlainString()).isEqualTo("106.00");
        assertThat(amount.tax().toPlainString()).isEqualTo("6.00");
    }

    @Test
    void rejectsGrossWithFractionsOfAFen() {
        assertThatThrownBy(() -> TaxedAmount.ofGross(new BigDecimal("1.001"), new BigDecimal("0.06")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unitPriceIsNetPerPieceWithEightDecimals() {
        assertThat(TaxedAmount.unitPrice(new BigDecimal("100.00"), new BigDecimal("3")))
                .isEqualTo(new BigDecimal("33.33333333"));
        assertThat(TaxedAmount.unitPrice(new BigDecimal("200.00"), new BigDecimal("3")))
                .isEqualTo(new BigDecimal("66.66666667"));
        assertThat(TaxedAmount.display(TaxedAmount.unitPrice(new BigDecimal("1885.85"), BigDecimal.ONE)))
                .isEqualTo("1885.85");
        assertThat(TaxedAmount.display(TaxedAmount.unitPrice(new BigDecimal("100.00"), new BigDecimal("2"))))
                .isEqualTo("50");
    }

    @Test
    void rejectsZeroQuantity() {
        assertThatThrownBy(() -> TaxedAmount.unitPrice(BigDecimal.TEN, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sumsLineAmountsForInvoiceTotals() {
        TaxedAmount total = TaxedAmount.zero()
                .plus(TaxedAmount.ofGross(new BigDecimal("0.53"), new BigDecimal("0.06")))
                .plus(TaxedAmount.ofGross(new BigDecimal("0.53"), new BigDecimal("0.06")));
        // the sum of rounded lines, not the rounding of the summed gross (1.06 → 1.00 + 0.06 would differ)
        assertThat(total.net()).isEqualTo("1.00");
        assertThat(total.tax()).isEqualTo("0.06");
        assertThat(total.gross()).isEqualTo("1.06");
    }
}
