package dev.fapiaoflow.shared;

/**
 * Masked forms of buyer identifiers for views of people who may see that an invoice exists but need not know its
 * buyer's numbers: enough to tell two apart or read one out on the phone, not enough to use one.
 */
public final class Masks {

    private Masks() {
    }

    /** 统一社会信用代码 (or a personal tax ID): the first 6 (registration authority and region) and last 2 kept */
    public static String creditCode(String value) {
        return keep(value, 6, 2);
    }

    /** the last 4 digits kept */
    public static String phone(String value) {
        return keep(value, 0, 4);
    }

    /** the last 4 digits kept */
    public static String bankAccount(String value) {
        return keep(value, 0, 4);
    }

    private static String keep(String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int length = value.length();
        if (length <= head + tail) {
            return "*".repeat(length);
        }
        return value.substring(0, head) + "*".repeat(length - head - tail) + value.substring(length - tail);
    }
}
