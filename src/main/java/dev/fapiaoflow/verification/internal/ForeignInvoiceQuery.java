package dev.fapiaoflow.verification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.Texts;

/**
 * An invoice of someone else to check, as the national rules ask per kind (国家税务总局全国增值税发票查验平台): a 数电
 * invoice (kind 31 special, 32 ordinary) by its 20-digit number, issue date and 价税合计; an old special invoice (01
 * paper, 08 electronic) by its 10/12-digit code, 8-digit number, issue date and amount excluding tax; an old ordinary
 * invoice (04 paper, 10 electronic, 11 roll, 14 toll) by code, number, date and the last six digits of its check code.
 * {@code amount} is the one amount the kind asks for; {@code checkCode} the last six digits.
 */
public record ForeignInvoiceQuery(String kind, String code, String number, LocalDate issueDate, BigDecimal amount, String checkCode) {

    /** kinds the national platform checks, with what each is */
    public static final Map<String, String> KINDS = Map.of("31", "数电专票", "32", "数电普票", "01", "增值税专用发票",
            "08", "增值税电子专用发票", "04", "增值税普通发票", "10", "增值税电子普通发票", "11", "增值税普通发票（卷式）",
            "14", "增值税电子普通发票（通行费）");
    /** the national platform checks invoices of the last five years, not of today */
    static final int YEARS_CHECKABLE = 5;

    private static final Pattern DIGITAL_NUMBER = Pattern.compile("\\d{20}");
    private static final Pattern OLD_NUMBER = Pattern.compile("\\d{8}");
    private static final Pattern CODE = Pattern.compile("\\d{10}|\\d{12}");
    private static final Pattern CHECK_CODE = Pattern.compile("\\d{6}|\\d{20}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

    public boolean digital() {
        return kind.equals("31") || kind.equals("32");
    }

    public boolean special() {
        return kind.equals("01") || kind.equals("08");
    }

    /** one key per invoice: the code (when there is one) and the number */
    public String invoiceKey() {
        return code == null ? number : code + "-" + number;
    }

    /**
     * Every bad field at once. {@code kind} may be left out for a 数电 number (then 32); {@code totalAmount} is the 数电
     * amount, {@code amountExcludingTax} the old special invoice's; a full 20-digit check code is cut to its last six.
     *
     * @throws InvalidInputException with the fields that break the rules of the invoice's kind
     */
    public static ForeignInvoiceQuery parse(String kind, String code, String number, String issueDate, String totalAmount,
            String amountExcludingTax, String checkCode, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String n = trim(number);
        String k = trim(kind);
        if (k.isEmpty() && DIGITAL_NUMBER.matcher(n).matches()) {
            k = "32";
        }
        if (k.isEmpty()) {
            errors.add(new FieldError("kind", Texts.of("verify.foreign.kind.required")));
        } else if (!KINDS.containsKey(k)) {
            errors.add(new FieldError("kind", Texts.of("verify.foreign.kind.unsupported", k)));
        }
        boolean digital = k.equals("31") || k.equals("32");
        String c = trim(code);
        if (n.isEmpty()) {
            errors.add(new FieldError("number", Texts.of("verify.number.required")));
        } else if (digital && !DIGITAL_NUMBER.matcher(n).matches()) {
            errors.add(new FieldError("number", Texts.of("verify.foreign.number.digital")));
        } else if (!digital && !k.isEmpty() && !OLD_NUMBER.matcher(n).matches()) {
            errors.add(new FieldError("number", Texts.of("verify.foreign.number.old")));
        }
        if (digital && !c.isEmpty()) {
            errors.add(new FieldError("code", Texts.of("verify.foreign.code.notForDigital")));
        } else if (!digital && !k.isEmpty() && !CODE.matcher(c).matches()) {
            errors.add(new FieldError("code", Texts.of(c.isEmpty() ? "verify.foreign.code.required" : "verify.foreign.code.format")));
        }
        LocalDate date = parseDate(trim(issueDate), today, errors);
        BigDecimal amount = null;
        String check = null;
        if (digital) {
            amount = parseAmount("totalAmount", trim(totalAmount), "verify.totalAmount", errors);
        } else if (k.equals("01") || k.equals("08")) {
            amount = parseAmount("amountExcludingTax", trim(amountExcludingTax), "verify.foreign.amountExcludingTax", errors);
        } else if (KINDS.containsKey(k)) {
            String cc = trim(checkCode);
            if (cc.isEmpty()) {
                errors.add(new FieldError("checkCode", Texts.of("verify.foreign.checkCode.required")));
            } else if (!CHECK_CODE.matcher(cc).matches()) {
                errors.add(new FieldError("checkCode", Texts.of("verify.foreign.checkCode.format")));
            } else {
                check = cc.substring(cc.length() - 6);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ForeignInvoiceQuery(k, c.isEmpty() ? null : c, n, date, amount, check);
    }

    private static LocalDate parseDate(String value, LocalDate today, List<FieldError> errors) {
        if (value.isEmpty()) {
            errors.add(new FieldError("issueDate", Texts.of("verify.issueDate.required")));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            if (!date.isBefore(today)) {
                errors.add(new FieldError("issueDate", Texts.of("verify.foreign.issueDate.notYet")));
            } else if (date.isBefore(today.minusYears(YEARS_CHECKABLE))) {
                errors.add(new FieldError("issueDate", Texts.of("verify.foreign.issueDate.tooOld")));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("issueDate", Texts.of("verify.issueDate.format")));
            return null;
        }
    }

    /** {@code keys}: the amount's messages, {@code <keys>.required} and {@code <keys>.format} */
    private static BigDecimal parseAmount(String field, String value, String keys, List<FieldError> errors) {
        if (value.isEmpty()) {
            errors.add(new FieldError(field, Texts.of(keys + ".required")));
            return null;
        }
        if (!AMOUNT.matcher(value).matches()) {
            errors.add(new FieldError(field, Texts.of(keys + ".format")));
            return null;
        }
        return new BigDecimal(value).setScale(2);
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
