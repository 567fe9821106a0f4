package dev.fapiaoflow.shared.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Reads a zip container (OFD, XLSX) entry by entry as a stream, with the limits of {@link UploadLimits} checked on
 * every read: the number of entries, the bytes unpacked in all, and the ratio of unpacked to packed bytes. A zip bomb
 * is stopped after about a megabyte of its output, wherever its entries claim to be small. Every XML part is checked
 * for a DTD ({@link SafeXml#refuseDoctype}) before anyone parses it.
 */
public final class BoundedZip {

    /** Receives each file entry's content, bounded; what it does not read is drained (and counted) afterwards. */
    @FunctionalInterface
    public interface EntryHandler {
        void entry(String name, InputStream content) throws IOException;
    }

    private final UploadLimits limits;
    private long packedRead;
    private long unpacked;
    private int entries;

    private BoundedZip(UploadLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads every entry and refuses XML with a DTD; the entries are only counted.
     *
     * @throws UploadRejected when a limit is passed or an XML part declares a DTD
     * @throws IOException when the zip is broken
     */
    public static void check(InputStream zip, UploadLimits limits) throws IOException {
        read(zip, limits, (name, content) -> SafeXml.refuseDoctype(name, content));
    }

    /**
     * Unpacks every entry into {@code folder} (which must exist), XML parts checked for a DTD once written.
     *
     * @throws UploadRejected when a limit is passed, an entry's name leaves the folder, or an XML part has a DTD; what
     *         was written stays for the caller to remove with the folder
     */
    public static void unpack(InputStream zip, UploadLimits limits, Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        read(zip, limits, (name, content) -> {
            Path target = inside(root, name);
            Files.createDirectories(target.getParent());
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
            try (InputStream written = Files.newInputStream(target)) {
                SafeXml.refuseDoctype(name, written);
            }
        });
    }

    /** Calls {@code handler} for every file entry, in the order the zip stream holds them. */
    public static void read(InputStream zip, UploadLimits limits, EntryHandler handler) throws IOException {
        new BoundedZip(limits).readAll(zip, handler);
    }

    private void readAll(InputStream zip, EntryHandler handler) throws IOException {
        // the same reader (and leniency: stored entries with data descriptors) ofdrw itself unpacks with
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new PackedCount(zip), StandardCharsets.UTF_8.name(), true,
                true)) {
            for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw new UploadRejected(UploadRejected.Reason.TOO_MANY_ENTRIES,
                            "more than " + limits.maxEntries() + " entries", limits.maxEntries());
                }
                if (entry.isDirectory()) {
                    continue;
                }
                InputStream content = new UnpackedCount(in);
                handler.entry(entry.getName(), content);
                content.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    private static Path inside(Path root, String name) {
        try {
            Path target = root.resolve(name).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw entryName(name);
            }
            return target;
        } catch (InvalidPathException e) {
            throw entryName(name);
        }
    }

    private static UploadRejected entryName(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return new UploadRejected(UploadRejected.Reason.ENTRY_NAME, "entry name leaves its folder: " + shown, shown);
    }

    private void unpacked(int bytes) {
        unpacked += bytes;
        if (unpacked > limits.maxUnpackedSize().toBytes()) {
            throw new UploadRejected(UploadRejected.Reason.UNPACKED_SIZE,
                    "unpacks to more than " + limits.maxUnpackedSize(), limits.maxUnpackedSize().toMegabytes());
        }
        if (unpacked > UploadLimits.RATIO_GRACE_BYTES && unpacked > packedRead * limits.maxCompressionRatio()) {
            throw new UploadRejected(UploadRejected.Reason.COMPRESSION_RATIO,
                    "unpacks more than " + limits.maxCompressionRatio() + " times its size", limits.maxCompressionRatio());
        }
    }

    /** counts the packed bytes the zip reader has taken from the upload */
    private final class PackedCount extends FilterInputStream {

        PackedCount(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                packedRead++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                packedRead += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            packedRead += skipped;
            return skipped;
        }
    }

    /** one entry's content: counts what is unpacked, checks the limits, and leaves the zip stream open */
    private final class UnpackedCount extends FilterInputStream {

        UnpackedCount(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                unpacked(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                unpacked(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipping still inflates: read and count instead
            int chunk = (int) Math.min(Math.max(n, 0), 8192);
            return Math.max(0, read(new byte[chunk], 0, chunk));
        }

        @Override
        public void close() {
        }
    }
}
