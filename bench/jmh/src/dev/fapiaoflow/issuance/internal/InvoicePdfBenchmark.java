package dev.fapiaoflow.issuance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.layout.font.FontSet;
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
 * One-page invoice PDFs rendered on one thread (pages/s per core), in the same run:
 * {@code fontChain} InvoicePdfRenderer with the invoice fonts as the app uses them (the GB2312 subset of WenQuanYi
 * Micro Hei, WenQuanYi Zen Hei, HanaMinB for CJK Extensions B-F; the renderer picks the face per run of text);
 * {@code fontChainRareName} the same with a buyer named 王堃喆𠮷玥昇公司, so all three faces are embedded;
 * {@code previousFontChain} and {@code previousFontChainRareName} the renderer as it was before (a copy of main at
 * 799eb76: iText's FontProvider picks the face per character); {@code formerGb2312Font} the renderer before issue 20:
 * the previous code with the GB2312 subset alone. Run with bench/jmh.sh; not part of ./mvnw verify.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class InvoicePdfBenchmark {

    static final String FORMER_FONT = "/fonts/wqy-microhei-gb2312.ttf";

    private InvoicePdfRenderer chain;
    private PreviousInvoicePdfRenderer previous;
    private PreviousInvoicePdfRenderer former;
    private Invoice invoice;
    private Invoice rareName;

    @Setup
    public void setUp() {
        chain = new InvoicePdfRenderer(new CjkFont());
        previous = new PreviousInvoicePdfRenderer(new PreviousCjkFont());
        former = new PreviousInvoicePdfRenderer(gb2312Font());
        invoice = InvoiceTest.issued();
        rareName = InvoiceTest.issuedTo("王堃喆𠮷玥昇公司");
    }

    @Benchmark
    public byte[] fontChain() {
        return chain.render(invoice);
    }

    @Benchmark
    public byte[] fontChainRareName() {
        return chain.render(rareName);
    }

    @Benchmark
    public byte[] previousFontChain() {
        return previous.render(invoice);
    }

    @Benchmark
    public byte[] previousFontChainRareName() {
        return previous.render(rareName);
    }

    @Benchmark
    public byte[] formerGb2312Font() {
        return former.render(invoice);
    }

    private static PreviousCjkFont gb2312Font() {
        try (InputStream in = CjkFont.class.getResourceAsStream(FORMER_FONT)) {
            FontSet set = new FontSet();
            set.addFont(FontProgramFactory.createFont(in.readAllBytes(), false), PdfEncodings.IDENTITY_H, "gb2312");
            return new PreviousCjkFont(set, List.of("gb2312"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
