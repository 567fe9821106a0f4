package dev.fapiaoflow.reporting.internal;

/**
 * Text that spreadsheet programs must not run: a cell starting with = + - @ tab or CR would be taken as a formula
 * (CSV injection, OWASP). The same rule as verification's result file; that class is internal to verification.
 */
final class ExcelSafeText {

    private ExcelSafeText() {
    }

    static boolean risky(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** for CSV: a leading single quote makes Excel show the text as it is */
    static String csv(String value) {
        return risky(value) ? "'" + value : value;
    }
}
