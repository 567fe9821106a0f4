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
import dev.fapiaoflow.shared.Texts;

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
            errors.add(new FieldError("number", Texts.of("verify.number.required")));
        } else if (!NUMBER.matcher(n).matches()) {
            errors.add(new FieldError("number", Texts.of("verify.number.format")));
        }
        LocalDate date = null;
        String d = trim(issueDate);
        if (d.isEmpty()) {
            errors.add(new FieldError("issueDate", Texts.of("verify.issueDate.required")));
        } else {
            try {
                date = LocalDate.parse(d, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("issueDate", Texts.of("verify.issueDate.format")));
            }
        }
        String a = trim(totalAmount);
        if (a.isEmpty()) {
            errors.add(new FieldError("totalAmount", Texts.of("verify.totalAmount.required")));
        } else if (!AMOUNT.matcher(a).matches()) {
            errors.add(new FieldError("totalAmount", Texts.of("verify.totalAmount.format")));
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
