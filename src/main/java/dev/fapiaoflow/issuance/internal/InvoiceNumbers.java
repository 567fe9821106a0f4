package dev.fapiaoflow.issuance.internal;

import java.time.LocalDate;

/**
 * The 20-digit fully digital (数电) invoice number: YY (year of issue) + 2-digit region + 1-digit
 * channel + 15-digit sequence. The first five digits are the prefix a sequence row counts under.
 */
public final class InvoiceNumbers {

    static final int SEQUENCE_DIGITS = 15;
    static final long MAX_SEQUENCE = 999_999_999_999_999L;

    private InvoiceNumbers() {
    }

    public static String prefix(LocalDate issueDate, String region, String channel) {
        if (region == null || !region.matches("\\d{2}")) {
            throw new IllegalArgumentException("fapiaoflow.issuance.region must be 2 digits: " + region);
        }
        if (channel == null || !channel.matches("\\d")) {
            throw new IllegalArgumentException("fapiaoflow.issuance.channel must be 1 digit: " + channel);
        }
        return String.format("%02d", issueDate.getYear() % 100) + region + channel;
    }

    public static String number(String prefix, long sequence) {
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalStateException("invoice sequence out of range for prefix " + prefix + ": " + sequence);
        }
        return prefix + String.format("%0" + SEQUENCE_DIGITS + "d", sequence);
    }
}
