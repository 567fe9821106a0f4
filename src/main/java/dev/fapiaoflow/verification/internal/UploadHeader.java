package dev.fapiaoflow.verification.internal;

import java.util.List;
import java.util.Locale;

import dev.fapiaoflow.shared.Texts;

/** The header row both formats must start with; names compared without case, BOM or surrounding blanks. */
final class UploadHeader {

    static final List<String> COLUMNS = List.of("number", "issueDate", "totalAmount");

    private UploadHeader() {
    }

    static void check(List<String> cells) {
        List<String> names = cells.stream().map(UploadHeader::normalise).toList();
        // a trailing empty column (a stray comma, a formatted but empty cell) is not a column
        int size = names.size();
        while (size > 0 && names.get(size - 1).isEmpty()) {
            size--;
        }
        List<String> expected = COLUMNS.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if (!names.subList(0, size).equals(expected)) {
            throw UploadRefused.invalid(Texts.of("upload.batch.header", String.join(",", COLUMNS)));
        }
    }

    private static String normalise(String cell) {
        return cell == null ? "" : cell.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
