package dev.fapiaoflow.verification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.fapiaoflow.shared.Texts;
import dev.fapiaoflow.shared.upload.UploadLimits;
import dev.fapiaoflow.shared.upload.UploadRejected;

/**
 * Reads an uploaded batch: XLSX when the file is a zip (its first bytes "PK\3\4", whatever its name says),
 * otherwise CSV text. Either way the header row {@code number,issueDate,totalAmount} is required and at most
 * {@code maxRows} data rows are taken; a bad row is kept as it is, for the check to report.
 */
public final class BatchUploads {

    private static final byte[] ZIP = { 'P', 'K', 3, 4 };

    private BatchUploads() {
    }

    /**
     * @throws UploadRefused when the file as a whole cannot be read as a batch
     * @throws UploadRejected when an XLSX passes the zip limits or an XML part of it declares a DTD
     */
    public static List<UploadedRow> parse(Path file, int maxRows, UploadLimits limits) {
        try {
            if (Files.size(file) == 0) {
                throw UploadRefused.invalid(Texts.of("upload.batch.empty"));
            }
            if (startsWithZipSignature(file)) {
                return XlsxRows.parse(file, maxRows, limits);
            }
            return CsvRows.parse(Files.readAllBytes(file), maxRows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWithZipSignature(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(ZIP.length);
            return java.util.Arrays.equals(head, ZIP);
        }
    }
}
