package dev.fapiaoflow.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;

class CheckInputTest {

    private static final String NUMBER = "26110000000000000123";

    @Test
    void wellFormedFieldsBecomeACheck() {
        Check check = CheckInput.parse(" " + NUMBER + " ", "2026-11-03", "1999.00");

        assertThat(check).isEqualTo(new Check(NUMBER, LocalDate.of(2026, 11, 3), new BigDecimal("1999.00")));
    }

    @Test
    void amountWithoutDecimalsOrNegativeForRedInvoicesIsAccepted() {
        assertThat(CheckInput.parse(NUMBER, "2026-11-03", "1999").totalAmount()).isEqualByComparingTo("1999.00");
        assertThat(CheckInput.parse(NUMBER, "2026-11-03", "-88.5").totalAmount()).isEqualByComparingTo("-88.50");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> CheckInput.parse("2611", "03/11/2026", "1,999.00"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("number", "issueDate", "totalAmount"));
    }

    @Test
    void missingFieldsAreReportedAsMissing() {
        assertThatThrownBy(() -> CheckInput.parse(null, "", " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::message).containsExactly("请填写发票号码", "请填写开票日期", "请填写价税合计"));
    }

    @Test
    void impossibleDateIsRefused() {
        assertThatThrownBy(() -> CheckInput.parse(NUMBER, "2026-02-30", "1.00"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("issueDate"));
    }

    @Test
    void amountWithThreeDecimalsOrAnExponentIsRefused() {
        for (String amount : new String[] {"1999.001", "1.999E3", "abc", "NaN"}) {
            assertThatThrownBy(() -> CheckInput.parse(NUMBER, "2026-11-03", amount)).as(amount)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("totalAmount"));
        }
    }

    @Test
    void numberWithLettersOrTwentyOneDigitsIsRefused() {
        for (String number : new String[] {"2611000000000000012A", NUMBER + "4", "２６１１００００００００００００００１２３"}) {
            assertThatThrownBy(() -> CheckInput.parse(number, "2026-11-03", "1.00")).as(number)
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
