package dev.fapiaoflow.issuance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One-page invoice PDFs rendered by InvoicePdfRenderer on one thread (pages/s per core), in the same run:
 * {@code sharedFontProgram} the font program parsed once and shared (what the app does); {@code formerCjkFont} what it did
 * before: the font's bytes handed to iText for every document, which finds the parsed program in its global font cache
 * after hashing the 1.2 MB of bytes; {@code parsedPerDocument} plain iText without its cache, the font's tables and
 * character map parsed for every document; {@code sharedFontDefaultCompression} the shared font with iText's default
 * compression level instead of the fastest (what the app did before). Run with bench/jmh.sh; not part of ./mvnw verify.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class InvoicePdfBenchmark {

    private InvoicePdfRenderer shared;
    private InvoicePdfRenderer former;
    private InvoicePdfRenderer parsedPerDocument;
    private InvoicePdfRenderer defaultCompression;
    private Invoice invoice;

    @Setup
    public void setUp() {
        shared = new InvoicePdfRenderer(new CjkFont());
        former = new InvoicePdfRenderer(new FontFromBytes(true));
        parsedPerDocument = new InvoicePdfRenderer(new FontFromBytes(false));
        defaultCompression = new InvoicePdfRenderer(new CjkFont(), com.itextpdf.kernel.pdf.CompressionConstants.DEFAULT_COMPRESSION);
        invoice = InvoiceTest.issued();
    }

    @Benchmark
    public byte[] sharedFontProgram() {
        return shared.render(invoice);
    }

    @Benchmark
    public byte[] formerCjkFont() {
        return former.render(invoice);
    }

    /** the shared font program with iText's default compression level (before) */
    @Benchmark
    public byte[] sharedFontDefaultCompression() {
        return defaultCompression.render(invoice);
    }

    @Benchmark
    public byte[] parsedPerDocument() {
        return parsedPerDocument.render(invoice);
    }

    /** the font's bytes read once and handed to iText for every document, through its font cache or not */
    static final class FontFromBytes extends CjkFont {

        private final byte[] bytes;
        private final boolean iTextCache;

        FontFromBytes(boolean iTextCache) {
            this.iTextCache = iTextCache;
            try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public PdfFont newFont() {
            try {
                PdfFont font = PdfFontFactory.createFont(bytes, PdfEncodings.IDENTITY_H,
                        PdfFontFactory.EmbeddingStrategy.PREFER_EMBEDDED, iTextCache);
                font.setSubset(true);
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
