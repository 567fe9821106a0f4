package dev.fapiaoflow.verification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of the standard invoice QR code every Chinese VAT invoice carries:
 * {@code 01,<kind>,<code>,<number>,<amount>,<yyyyMMdd>,<check code>,<crc>} — version 01, the kind (01 special, 04
 * ordinary, 08 e-special, 10 e-ordinary, 11 roll, 14 toll, 31/32 数电 special/ordinary), the 10/12-digit code (empty for
 * 数电), the number (8 digits, 20 for 数电), the amount (without tax on old special invoices, 价税合计 on 数电), the issue
 * date, the check code (empty on special and 数电 invoices). {@code code} and {@code checkCode} are null when empty.
 */
public record InvoiceQrCode(String kind, String code, String number, BigDecimal amount, LocalDate issueDate, String checkCode) {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,12}(\\.\\d{1,2})?");

    /** The code's fields, or empty when the text is not an invoice QR code (some other QR code, a URL, noise). */
    public static Optional<InvoiceQrCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split(",", -1);
        if (parts.length < 7 || !parts[0].equals("01")) {
            return Optional.empty();
        }
        String kind = parts[1].trim();
        String code = parts[2].trim();
        String number = parts[3].trim();
        String amount = parts[4].trim();
        String date = parts[5].trim();
        String check = parts[6].trim();
        if (!(kind.length() == 2 && DIGITS.matcher(kind).matches())
                || !(code.isEmpty() || (DIGITS.matcher(code).matches() && (code.length() == 10 || code.length() == 12)))
                || !(DIGITS.matcher(number).matches() && (number.length() == 8 || number.length() == 20))
                || !AMOUNT.matcher(amount).matches() || !(check.isEmpty() || DIGITS.matcher(check).matches())) {
            return Optional.empty();
        }
        try {
            LocalDate issued = LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
            return Optional.of(new InvoiceQrCode(kind, code.isEmpty() ? null : code, number, new BigDecimal(amount).setScale(2),
                    issued, check.isEmpty() ? null : check));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** 数电 (fully digital) invoices have a 20-digit number and no code. */
    public boolean digital() {
        return number.length() == 20;
    }
}
