package dev.fapiaoflow.shared;

/**
 * Text meant for a spreadsheet (a CSV or XLSX someone opens in Excel): a cell that starts with = + - @ tab or CR would
 * be taken as a formula (CSV injection, OWASP). In a CSV such a cell gets a leading single quote and is shown as the
 * text it is; an XLSX writer asks {@link #risky} and sets the cell's quote-prefix style instead.
 */
public final class ExcelSafe {

    private ExcelSafe() {
    }

    public static boolean risky(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** the CSV cell for a text; null as empty */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        return risky(value) ? "'" + value : value;
    }
}
