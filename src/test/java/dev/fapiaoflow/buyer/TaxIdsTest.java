package dev.fapiaoflow.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaxIdsTest {

    @Test
    void acceptsAValidUnifiedSocialCreditCode() {
        assertThat(TaxIds.problem("91110108351303601C")).isEmpty();
    }

    @Test
    void checksEighteenCharacterIdsAsCreditCodes() {
        assertThat(TaxIds.problem("91110108351303601D")).contains("统一社会信用代码校验位错误");
    }

    @ParameterizedTest
    @ValueSource(strings = {"110108123456789", "11010812345678901", "110108199001011234AB"})
    void acceptsLegacyFifteenSeventeenAndTwentyCharacterIdsByFormat(String legacy) {
        assertThat(TaxIds.isValid(legacy)).isTrue();
    }

    @Test
    void refusesLegacyIdsWithPunctuation() {
        assertThat(TaxIds.problem("110108-23456789")).contains("纳税人识别号只能包含数字和大写字母");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "1101081234567890", "1101081234567890123", "110108199001011234ABC"})
    void refusesOtherLengths(String wrongLength) {
        assertThat(TaxIds.problem(wrongLength)).contains("纳税人识别号应为15、17、18或20位");
    }

    @Test
    void normalisesLowerCaseAndSpaces() {
        assertThat(TaxIds.normalise(" 9111 0108 3513 0360 1c\u3000")).isEqualTo("91110108351303601C");
        assertThat(TaxIds.isValid("91110108351303601c")).isTrue();
        assertThat(TaxIds.isValid("110108abcdefghi")).isTrue();
    }

    @Test
    void treatsBlankAsMissing() {
        assertThat(TaxIds.normalise("   ")).isNull();
        assertThat(TaxIds.problem(" ")).contains("请填写纳税人识别号");
    }
}
