package dev.fapiaoflow.signing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.ofdrw.pkg.tool.SAXReaderFactory;
import org.ofdrw.reader.OFDReader;

import dev.fapiaoflow.shared.upload.BoundedZip;
import dev.fapiaoflow.shared.upload.SafeXml;
import dev.fapiaoflow.shared.upload.UploadLimits;
import dev.fapiaoflow.shared.upload.UploadRejected;

/**
 * An OFD opened for ofdrw from a folder of its own, unpacked by us with the upload limits checked while unpacking and
 * every XML part checked for a DTD; the folder is removed on {@link #close()}, and at once when opening fails.
 * ofdrw's own {@code OFDReader(InputStream)} would unpack without limits into {@code java.io.tmpdir}, and keep the
 * folder when unpacking or parsing fails (a zip bomb filled the disk that way).
 */
public final class OfdPackage implements AutoCloseable {

    static {
        // every dom4j reader ofdrw creates from now on refuses DTDs and external entities (its default resolves them)
        SAXReaderFactory.SetCustomizedProducer(SafeXml::dom4jReader);
    }

    private final Path folder;
    private final OFDReader reader;

    private OfdPackage(Path folder, OFDReader reader) {
        this.folder = folder;
        this.reader = reader;
    }

    /**
     * @throws UploadRejected when the package passes a limit or an XML part declares a DTD
     * @throws IOException when it is no readable zip
     */
    public static OfdPackage open(byte[] ofd, UploadLimits limits) throws IOException {
        Files.createDirectories(limits.workDir());
        Path folder = Files.createTempDirectory(limits.workDir(), "fapiaoflow-ofd-");
        try {
            BoundedZip.unpack(new ByteArrayInputStream(ofd), limits, folder);
            return new OfdPackage(folder, new OFDReader(folder.toString(), true));
        } catch (IOException | RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    public OFDReader reader() {
        return reader;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // removed below, whatever ofdrw managed
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unpacked OFD " + folder, e);
        }
    }
}
