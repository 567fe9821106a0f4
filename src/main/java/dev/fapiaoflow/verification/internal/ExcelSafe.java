package dev.fapiaoflow.verification.internal;

/**
 * Cells of a CSV meant for Excel: a cell that starts with = + - @ tab or CR would be taken as a formula (CSV
 * injection, OWASP), so it gets a leading single quote and is shown as the text it is.
 */
public final class ExcelSafe {

    private ExcelSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
