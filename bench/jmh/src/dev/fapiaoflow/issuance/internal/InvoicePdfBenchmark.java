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
 * One-page invoice PDFs rendered by InvoicePdfRenderer on one thread (pages/s per core), in the same run:
 * {@code fontChain} the invoice fonts as the app uses them (WenQuanYi Zen Hei, then HanaMinB for CJK Extensions B-F,
 * chosen per character by iText's font selection); {@code fontChainRareName} the same with a buyer named 王堃喆𠮷玥昇公司,
 * so both faces are embedded; {@code formerGb2312Font} what the app did before: one GB2312 subset of WenQuanYi Micro
 * Hei (still in the jar for the report charts), through the same font provider machinery. Run with bench/jmh.sh; not
 * part of ./mvnw verify.
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
    private InvoicePdfRenderer former;
    private Invoice invoice;
    private Invoice rareName;

    @Setup
    public void setUp() {
        chain = new InvoicePdfRenderer(new CjkFont());
        former = new InvoicePdfRenderer(gb2312Font());
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
    public byte[] formerGb2312Font() {
        return former.render(invoice);
    }

    private static CjkFont gb2312Font() {
        try (InputStream in = CjkFont.class.getResourceAsStream(FORMER_FONT)) {
            FontSet set = new FontSet();
            set.addFont(FontProgramFactory.createFont(in.readAllBytes(), false), PdfEncodings.IDENTITY_H, "gb2312");
            return new CjkFont(set, List.of("gb2312"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
