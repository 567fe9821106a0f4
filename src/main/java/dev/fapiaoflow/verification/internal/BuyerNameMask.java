package dev.fapiaoflow.verification.internal;

import dev.fapiaoflow.buyer.BuyerType;

/**
 * Masks the buyer's name for callers who are neither its owner nor the back office: enough for a verifier to
 * recognise it (北京某某***公司, 爱*), not enough to learn who bought what. The stars never tell the length.
 */
public final class BuyerNameMask {

    private BuyerNameMask() {
    }

    public static String mask(BuyerType type, String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int[] chars = name.strip().codePoints().toArray();
        if (type == BuyerType.PERSONAL || chars.length <= 4) {
            return text(chars, 0, 1) + "*";
        }
        if (chars.length < 8) {
            return text(chars, 0, 2) + "***" + text(chars, chars.length - 1, chars.length);
        }
        return text(chars, 0, 4) + "***" + text(chars, chars.length - 2, chars.length);
    }

    private static String text(int[] codePoints, int from, int to) {
        return new String(codePoints, from, to - from);
    }
}
