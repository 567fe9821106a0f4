package dev.fapiaoflow.verification.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.fapiaoflow.shared.Texts;

/**
 * CSV through Apache Commons CSV. UTF-8 (with or without BOM) first; Excel on a Chinese Windows saves "CSV" in
 * GB18030, so that is the fallback. Bytes with NUL in them are binary, not text.
 */
final class CsvRows {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();

    private CsvRows() {
    }

    static List<UploadedRow> parse(byte[] bytes, int maxRows) {
        String text = decode(bytes);
        List<UploadedRow> rows = new ArrayList<>();
        // the last line read whole: a malformed record starts after it (the parser's own message is English only)
        long lastGoodLine = 0;
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                lastGoodLine = parser.getCurrentLineNumber();
                if (header) {
                    UploadHeader.check(record.toList());
                    header = false;
                    continue;
                }
                if (record.toList().stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw UploadRefused.invalid(Texts.of("upload.batch.tooManyRows", maxRows));
                }
                rows.add(UploadedRow.of((int) record.getRecordNumber(), cell(record, 0), cell(record, 1), cell(record, 2)));
            }
            if (header) {
                throw UploadRefused.invalid(Texts.of("upload.batch.empty"));
            }
        } catch (IOException | UncheckedIOException e) {
            // an unclosed quote and the like: the parser cannot tell where rows end, so no row can be trusted
            throw UploadRefused.invalid(Texts.of("upload.batch.malformedCsv", lastGoodLine));
        }
        return rows;
    }

    private static String cell(CSVRecord record, int index) {
        return index < record.size() ? record.get(index) : "";
    }

    private static String decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw UploadRefused.invalid(Texts.of("upload.batch.notCsvOrXlsx"));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }
}
