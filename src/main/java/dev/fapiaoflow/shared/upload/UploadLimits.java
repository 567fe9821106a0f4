package dev.fapiaoflow.shared.upload;

import java.nio.file.Path;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of every uploaded zip container (OFD invoice documents, XLSX batch files), checked while it is read.
 *
 * @param maxEntries more entries than this and the file is refused (an invoice OFD holds a few dozen, an XLSX a few)
 * @param maxUnpackedSize all entries together may not unpack to more than this
 * @param maxCompressionRatio the unpacked bytes read so far may not exceed this many times the packed bytes read so
 *        far (XML and fonts pack about 3–20:1; a zip bomb 1000:1); checked once {@link #RATIO_GRACE_BYTES} are unpacked
 * @param workDir the folder an OFD is unpacked into for ofdrw (one subfolder per upload, removed when it is read);
 *        the JVM's temp folder when not set
 */
@Validated
@ConfigurationProperties("fapiaoflow.uploads")
public record UploadLimits(@Positive @DefaultValue("1000") int maxEntries,
        @NotNull @DefaultValue("200MB") DataSize maxUnpackedSize,
        @Min(2) @DefaultValue("100") int maxCompressionRatio,
        Path workDir) {

    /** without a setting, the JVM's temp folder ({@code java.io.tmpdir}) */
    public UploadLimits {
        if (workDir == null) {
            workDir = Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    /** small files may pack better than any ratio (a blank sheet, an empty page); below this the ratio is not checked */
    public static final long RATIO_GRACE_BYTES = 1024 * 1024;

    /** the defaults, for code and tests that run without Spring */
    public static UploadLimits defaults() {
        return new UploadLimits(1000, DataSize.ofMegabytes(200), 100, null);
    }
}
