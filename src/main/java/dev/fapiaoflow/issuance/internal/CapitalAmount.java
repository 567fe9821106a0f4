package dev.fapiaoflow.issuance.internal;

import java.math.BigDecimal;

/**
 * 价税合计（大写）: an amount in Chinese financial capitals, e.g. 10010.01 → 壹万零壹拾元零壹分.
 *
 * <p>Follows the People's Bank of China convention (支付结算办法 附件一): 整 follows 元 when there are
 * neither 角 nor 分 (after 角 it is optional and left out, so 1000.50 → 壹仟元伍角); one 零 stands for
 * any run of zeros inside the yuan part, including a whole zero 万 section (100000001 → 壹亿零壹元); a
 * zero 角 before a non-zero 分 is written 零 (1.05 → 壹元零伍分); a zero 元 digit before 角 is not
 * (optional by the rule), and amounts below one yuan start with the 角 or 分 (0.05 → 伍分).
 * A negative amount (a red-letter invoice) is prefixed with 负.
 */
public final class CapitalAmount {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] IN_SECTION = {"", "拾", "佰", "仟"};
    private static final String[] SECTIONS = {"", "万", "亿"};
    private static final long LIMIT_FEN = 1_0000_0000_0000_00L; // 一万亿元, above any DECIMAL(14,2)

    private CapitalAmount() {
    }

    public static String of(BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount has at most 2 decimals: " + amount);
        }
        long fen = amount.movePointRight(2).longValueExact();
        if (Math.abs(fen) >= LIMIT_FEN) {
            throw new IllegalArgumentException("amount too large for capital words: " + amount);
        }
        return fen < 0 ? "负" + words(-fen) : words(fen);
    }

    private static String words(long fen) {
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder text = new StringBuilder(yuanWords(yuan));
        if (yuan > 0 || (jiao == 0 && cents == 0)) {
            text.append(yuan == 0 ? "零元" : "元");
        }
        if (jiao == 0 && cents == 0) {
            return text.append('整').toString();
        }
        if (jiao > 0) {
            text.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            text.append('零'); // 壹元零伍分: the zero 角 is read out between 元 and 分
        }
        if (cents > 0) {
            text.append(DIGITS.charAt(cents)).append('分');
        }
        return text.toString();
    }

    /** The yuan part by 4-digit sections (亿, 万, units), high to low. */
    private static String yuanWords(long yuan) {
        StringBuilder text = new StringBuilder();
        boolean zeroPending = false;
        for (int section = SECTIONS.length - 1; section >= 0; section--) {
            int value = (int) (yuan / pow10000(section) % 10000);
            if (value == 0) {
                zeroPending = text.length() > 0;
                continue;
            }
            // a gap before this section (a skipped section, or leading zeros in it) is read as one 零
            if (text.length() > 0 && (zeroPending || value < 1000)) {
                text.append('零');
            }
            text.append(sectionWords(value)).append(SECTIONS[section]);
            zeroPending = false;
        }
        return text.toString();
    }

    private static String sectionWords(int value) {
        StringBuilder text = new StringBuilder();
        boolean zeroPending = false;
        for (int position = 3; position >= 0; position--) {
            int digit = value / (int) Math.pow(10, position) % 10;
            if (digit == 0) {
                zeroPending = text.length() > 0;
                continue;
            }
            if (zeroPending) {
                text.append('零');
                zeroPending = false;
            }
            text.append(DIGITS.charAt(digit)).append(IN_SECTION[position]);
        }
        return text.toString();
    }

    private static long pow10000(int section) {
        long result = 1;
        for (int i = 0; i < section; i++) {
            result *= 10000;
        }
        return result;
    }
}
