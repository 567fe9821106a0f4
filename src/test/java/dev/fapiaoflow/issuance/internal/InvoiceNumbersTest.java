package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class InvoiceNumbersTest {

    @Test
    void prefixIsTwoDigitYearRegionAndChannel() {
        assertThat(InvoiceNumbers.prefix(LocalDate.of(2026, 11, 3), "11", "0")).isEqualTo("26110");
        assertThat(InvoiceNumbers.prefix(LocalDate.of(2105, 1, 1), "44", "7")).isEqualTo("05447");
    }

    @Test
    void numberIsTwentyDigitsWithZeroPaddedSequence() {
        String number = InvoiceNumbers.number("26110", 123);
        assertThat(number).isEqualTo("26110000000000000123").hasSize(20);
        assertThat(InvoiceNumbers.number("26110", 999_999_999_999_999L)).isEqualTo("26110999999999999999");
    }

    @Test
    void refusesSequenceBeyondFifteenDigits() {
        assertThatThrownBy(() -> InvoiceNumbers.number("26110", 1_000_000_000_000_000L))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> InvoiceNumbers.number("26110", 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsMalformedRegionOrChannel() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertThatThrownBy(() -> InvoiceNumbers.prefix(day, "1", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceNumbers.prefix(day, "11", "01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceNumbers.prefix(day, "1a", "0")).isInstanceOf(IllegalArgumentException.class);
    }
}
