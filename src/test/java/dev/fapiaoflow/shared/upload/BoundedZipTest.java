package dev.fapiaoflow.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The limits are checked while the zip is read: a refusal comes before the bomb's bytes are unpacked. */
class BoundedZipTest {

    @TempDir
    Path folder;

    private final UploadLimits limits = new UploadLimits(50, DataSize.ofMegabytes(20), 100, null);

    @Test
    void unpacksAnOrdinaryOfdIntoTheFolder() throws IOException {
        BoundedZip.unpack(new ByteArrayInputStream(HostileFiles.ofd("", "ok")), limits, folder);

        assertThat(folder.resolve("OFD.xml")).exists();
        assertThat(folder.resolve("Doc_0/Document.xml")).exists();
    }

    @Test
    void aZipBombIsRefusedAfterAboutAMegabyteOfItsOutput() throws IOException {
        byte[] bomb = HostileFiles.ofdZipBomb(2, 100);

        assertThatThrownBy(() -> BoundedZip.unpack(new ByteArrayInputStream(bomb), limits, folder))
                .isInstanceOf(UploadRejected.class)
                .satisfies(e -> assertThat(((UploadRejected) e).reason()).isEqualTo(UploadRejected.Reason.COMPRESSION_RATIO));
        assertThat(sizeOf(folder)).as("bytes written before the refusal").isLessThan(4L * 1024 * 1024);
    }

    @Test
    void tooManyEntriesAndTooManyBytesAreRefusedWhatEverTheRatio() {
        byte[] crowded = HostileFiles.manyEntries(HostileFiles.ofd("", "ok"), 60);
        UploadLimits small = new UploadLimits(1000, DataSize.ofKilobytes(64), 100, null);
        byte[] random = new byte[100 * 1024];
        new java.util.Random(16).nextBytes(random);
        byte[] big = HostileFiles.zip(Map.of("Doc_0/Res/noise.bin", random));

        assertThatThrownBy(() -> BoundedZip.check(new ByteArrayInputStream(crowded), limits))
                .satisfies(e -> assertThat(((UploadRejected) e).reason()).isEqualTo(UploadRejected.Reason.TOO_MANY_ENTRIES));
        assertThatThrownBy(() -> BoundedZip.check(new ByteArrayInputStream(big), small))
                .satisfies(e -> assertThat(((UploadRejected) e).reason()).isEqualTo(UploadRejected.Reason.UNPACKED_SIZE));
    }

    @Test
    void anEntryNamedOutOfTheFolderIsRefusedAndNothingIsWrittenThere() {
        byte[] slip = HostileFiles.zip(Map.of("../../escaped.xml", "<a/>".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> BoundedZip.unpack(new ByteArrayInputStream(slip), limits, folder.resolve("inner")))
                .satisfies(e -> assertThat(((UploadRejected) e).reason()).isEqualTo(UploadRejected.Reason.ENTRY_NAME));
        assertThat(folder.getParent().resolve("escaped.xml")).doesNotExist();
    }

    @Test
    void anXmlPartWithADtdIsRefusedWhateverItsName() {
        byte[] ofd = HostileFiles.zip(Map.of("OFD.xml", "<a/>".getBytes(StandardCharsets.UTF_8), "Doc_0/Res/res.dat",
                (HostileFiles.billionLaughsDoctype("a") + "<a>&lol9;</a>").getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> BoundedZip.check(new ByteArrayInputStream(ofd), limits))
                .satisfies(e -> assertThat(((UploadRejected) e).reason()).isEqualTo(UploadRejected.Reason.DTD))
                .hasMessageContaining("Doc_0/Res/res.dat");
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
