package dev.fapiaoflow.verification.internal;

/**
 * One data row of an upload as the file gave it; {@code line} is its row in the file, the header being
 * row 1 (for CSV, the record number: a quoted cell may span lines, blank lines do not count).
 * Cells are capped at {@link #MAX_CELL} characters: no valid field comes near that, and the cap ends in "…", so a
 * cut value can never turn into a valid one.
 */
public record UploadedRow(int line, String number, String issueDate, String totalAmount) {

    public static final int MAX_CELL = 100;

    public static UploadedRow of(int line, String number, String issueDate, String totalAmount) {
        return new UploadedRow(line, cap(number), cap(issueDate), cap(totalAmount));
    }

    private static String cap(String value) {
        if (value == null) {
            return "";
        }
        if (value.codePointCount(0, value.length()) <= MAX_CELL) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, MAX_CELL - 1)) + "…";
    }
}
