package dev.fapiaoflow.verification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;

/**
 * Turns the three typed-in fields into a {@link Check}, or reports every bad field at once. Fields are text so
 * the API, the page and (later) batch rows share one set of rules and messages.
 */
public final class CheckInput {

    private static final Pattern NUMBER = Pattern.compile("\\d{20}");
    // no exponent, at most two decimals: 价税合计 is printed to the fen
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,12}(\\.\\d{1,2})?");

    private CheckInput() {
    }

    public static Check parse(String number, String issueDate, String totalAmount) {
        List<FieldError> errors = new ArrayList<>();
        String n = trim(number);
        if (n.isEmpty()) {
            errors.add(new FieldError("number", "请填写发票号码"));
        } else if (!NUMBER.matcher(n).matches()) {
            errors.add(new FieldError("number", "发票号码应为 20 位数字"));
        }
        LocalDate date = null;
        String d = trim(issueDate);
        if (d.isEmpty()) {
            errors.add(new FieldError("issueDate", "请填写开票日期"));
        } else {
            try {
                date = LocalDate.parse(d, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("issueDate", "开票日期应为 yyyy-MM-dd 格式的有效日期"));
            }
        }
        String a = trim(totalAmount);
        if (a.isEmpty()) {
            errors.add(new FieldError("totalAmount", "请填写价税合计"));
        } else if (!AMOUNT.matcher(a).matches()) {
            errors.add(new FieldError("totalAmount", "价税合计应为金额，最多两位小数，如 1999.00"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Check(n, date, new BigDecimal(a));
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
