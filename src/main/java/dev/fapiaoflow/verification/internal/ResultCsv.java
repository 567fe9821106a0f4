package dev.fapiaoflow.verification.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import dev.fapiaoflow.shared.ExcelSafe;

/**
 * The result file: the input rows with result, status and message columns. UTF-8 with a BOM so Excel reads the
 * Chinese messages, and every cell passed through {@link ExcelSafe} so nothing in it runs as a formula.
 */
public final class ResultCsv implements AutoCloseable {

    static final String[] HEADER = { "line", "number", "issueDate", "totalAmount", "result", "status", "message" };

    private final CSVPrinter printer;

    public ResultCsv(OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
            printer.printRecord((Object[]) HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(BatchRowStore.StoredRow row) {
        UploadedRow in = row.input();
        BatchRowResult result = row.result();
        try {
            printer.printRecord(Integer.toString(in.line()), ExcelSafe.cell(in.number()), ExcelSafe.cell(in.issueDate()),
                    ExcelSafe.cell(in.totalAmount()), result == null ? "PENDING" : result.result(),
                    result == null ? "" : ExcelSafe.cell(result.status()), result == null ? "" : ExcelSafe.cell(result.message()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
