package dev.fapiaoflow.buyer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    // check characters verified by hand-computing the weighted sum (and an independent script)
    static final String FUJIAN = "91350100M000100Y43";
    static final String API_EXAMPLE = "91110108351303601C";

    @ParameterizedTest
    @ValueSource(strings = {FUJIAN, API_EXAMPLE, "911101085923662400"})
    void acceptsValidCodes(String code) {
        assertThat(UnifiedSocialCreditCode.problem(code)).isEmpty();
        assertThat(UnifiedSocialCreditCode.of(code).value()).isEqualTo(code);
    }

    @Test
    void computesTheCheckCharacterFromTheFirstSeventeen() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(UnifiedSocialCreditCode.checkCharacter("91110108351303601")).isEqualTo('C');
        // a sum divisible by 31 gives 31, which the standard maps to '0'
        assertThat(UnifiedSocialCreditCode.checkCharacter("91110108592366240")).isEqualTo('0');
    }

    @Test
    void rejectsCreditCodeWithWrongCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y44")).contains("统一社会信用代码校验位错误");
        assertThat(UnifiedSocialCreditCode.problem("91110108351303601D")).contains("统一社会信用代码校验位错误");
    }

    @Test
    void rejectsSwappedDigitsEvenWhenTheCheckCharacterWasRightBefore() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000010Y43")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
    void rejectsTheLettersTheStandardLeavesOut(char forbidden) {
        String code = "91350100M00010" + forbidden + "Y4";
        assertThat(UnifiedSocialCreditCode.problem(code + "3")).hasValueSatisfying(m -> assertThat(m).contains("无效字符"));
        assertThatIllegalArgumentException().isThrownBy(() -> UnifiedSocialCreditCode.checkCharacter(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433"})
    void rejectsWrongLength(String code) {
        assertThat(UnifiedSocialCreditCode.problem(code)).contains("统一社会信用代码应为18位");
    }

    @Test
    void normalisesLowerCaseAndSpacesBeforeChecking() {
        assertThat(UnifiedSocialCreditCode.of(" 9135 0100 m000 100y 43 ").value()).isEqualTo(FUJIAN);
        // the value itself holds only the normalised form
        assertThatIllegalArgumentException().isThrownBy(() -> new UnifiedSocialCreditCode("91350100m000100y43"));
    }

    @Test
    void rejectsUnknownRegistrationAuthorityAndTypeCodes() {
        String badAuthority = "B1350100M000100Y4";
        String badType = "90350100M000100Y4";
        String letterInRegion = "9135A100M000100Y4";
        assertThat(UnifiedSocialCreditCode.problem(withCheck(badAuthority))).hasValueSatisfying(m -> assertThat(m).contains("第1位"));
        assertThat(UnifiedSocialCreditCode.problem(withCheck(badType))).hasValueSatisfying(m -> assertThat(m).contains("第2位"));
        assertThat(UnifiedSocialCreditCode.problem(withCheck(letterInRegion))).hasValueSatisfying(m -> assertThat(m).contains("行政区划码"));
    }

    @Test
    void refusesToHoldAnInvalidCode() {
        assertThatIllegalArgumentException().isThrownBy(() -> UnifiedSocialCreditCode.of("91350100M000100Y44"))
                .withMessage("统一社会信用代码校验位错误");
    }

    private static String withCheck(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
}
