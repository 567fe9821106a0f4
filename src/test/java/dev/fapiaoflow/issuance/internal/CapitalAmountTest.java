package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapitalAmountTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "1999.00, 壹仟玖佰玖拾玖元整",
            "1000.50, 壹仟元伍角",
            "0.05, 伍分",
            "0.50, 伍角",
            "0.55, 伍角伍分",
            "0.00, 零元整",
            "1.00, 壹元整",
            "1.05, 壹元零伍分",
            "1.50, 壹元伍角",
            "1.55, 壹元伍角伍分",
            "10.00, 壹拾元整",
            "15.00, 壹拾伍元整",
            "100.00, 壹佰元整",
            "101.00, 壹佰零壹元整",
            "110.00, 壹佰壹拾元整",
            "1001.00, 壹仟零壹元整",
            "1010.00, 壹仟零壹拾元整",
            "1100.00, 壹仟壹佰元整",
            "10000.00, 壹万元整",
            "10010.01, 壹万零壹拾元零壹分",
            "10100.00, 壹万零壹佰元整",
            "11000.00, 壹万壹仟元整",
            "100000.00, 壹拾万元整",
            "101000.00, 壹拾万壹仟元整",
            "100100.00, 壹拾万零壹佰元整",
            "1000001.00, 壹佰万零壹元整",
            "1680.32, 壹仟陆佰捌拾元叁角贰分",
            "100000000.00, 壹亿元整",
            "100000001.10, 壹亿零壹元壹角",
            "100001000.00, 壹亿零壹仟元整",
            "100010000.00, 壹亿零壹万元整",
            "110000000.00, 壹亿壹仟万元整",
            "101010101.01, 壹亿零壹佰零壹万零壹佰零壹元零壹分",
            "999999999999.99, 玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            "200000000000.00, 贰仟亿元整",
            "-1999.00, 负壹仟玖佰玖拾玖元整",
    })
    void writesAmountInFinancialCapitals(BigDecimal amount, String words) {
        assertThat(CapitalAmount.of(amount)).isEqualTo(words);
    }

    @Test
    void acceptsAmountsWithFewerDecimalsOrTrailingZeros() {
        assertThat(CapitalAmount.of(new BigDecimal("12"))).isEqualTo("壹拾贰元整");
        assertThat(CapitalAmount.of(new BigDecimal("12.5"))).isEqualTo("壹拾贰元伍角");
        assertThat(CapitalAmount.of(new BigDecimal("12.5000"))).isEqualTo("壹拾贰元伍角");
    }

    @Test
    void rejectsFractionsOfAFen() {
        assertThatThrownBy(() -> CapitalAmount.of(new BigDecimal("1.005"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAmountsOfATrillionYuanOrMore() {
        assertThatThrownBy(() -> CapitalAmount.of(new BigDecimal("1000000000000.00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
