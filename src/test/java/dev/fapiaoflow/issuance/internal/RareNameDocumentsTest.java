package dev.fapiaoflow.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;

/**
 * A buyer whose name needs more than GB2312: 堃 喆 玥 昇 (BMP, outside GB2312) and 𠮷 (U+20BB7, CJK Extension B).
 * Both documents give the exact name back to a reader's text extraction, and the OFD embeds fonts that draw it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RareNameDocumentsTest {

    static final String RARE_NAME = "王堃喆𠮷玥昇公司";

    private byte[] pdf;
    private byte[] ofd;

    @BeforeAll
    void render() {
        Invoice invoice = InvoiceTest.issuedTo(RARE_NAME);
        pdf = new InvoicePdfRenderer(new CjkFont()).render(invoice);
        ofd = new InvoiceOfdRenderer().render(invoice, null, null);
    }

    @Test
    void pdftotextReadsTheExactName(@TempDir Path dir) throws Exception {
        assertThat(Path.of("/usr/bin/pdftotext"))
                .as("pdftotext (Debian package poppler-utils; tools/prerequisites installs it)").isExecutable();
        Path file = dir.resolve("invoice.pdf");
        Files.write(file, pdf);
        Process process = new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", file.toString(), "-")
                .redirectErrorStream(true).start();
        String extracted = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(extracted).contains("名称：" + RARE_NAME);
    }

    @Test
    void thePdfEmbedsSubsetsOfTheFacesThatDrawTheName() {
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).containsPattern("/BaseFont */[A-Z]{6}\\+WenQuanYiZenHei").containsPattern("/BaseFont */[A-Z]{6}\\+HanaMinB");
        assertThat(pdf.length).isLessThan(200_000);
    }

    /** the GB2312 subset alone: subsetting the 45,000-glyph Zen Hei doubles a page's rendering time */
    @Test
    void aPdfWithGb2312CharactersOnlyEmbedsTheSmallFontAlone() {
        byte[] common = new InvoicePdfRenderer(new CjkFont()).render(InvoiceTest.issued());
        String raw = new String(common, StandardCharsets.ISO_8859_1);
        assertThat(raw).containsPattern("/BaseFont */[A-Z]{6}\\+WenQuanYiMicroHei")
                .doesNotContainPattern("/BaseFont */[A-Z]{6}\\+(WenQuanYiZenHei|HanaMinB)");
    }

    @Test
    void ofdrwExtractsTheExactName() throws Exception {
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            String text = String.join("", new ContentExtractor(reader).extractAll());
            assertThat(text).contains("名称：" + RARE_NAME);
        }
    }

    @Test
    void theOfdEmbedsSubsetsThatDrawEveryCharacterOfTheName() throws Exception {
        List<TrueTypeFont> fonts = embeddedFonts();
        assertThat(fonts).hasSize(2);
        RARE_NAME.codePoints().forEach(codePoint -> assertThat(fonts).as("a font drawing %s", Character.toString(codePoint))
                .anySatisfy(font -> assertThat(outline(font, codePoint)).isPositive()));
        for (TrueTypeFont font : fonts) {
            assertThat(font.getNumberOfGlyphs()).as("a subset, not the whole face").isLessThan(300);
        }
    }

    @Test
    void theOfdIsTensOfKilobytes() {
        assertThat(ofd.length).isLessThan(100_000);
    }

    /** The number of contours of the glyph the font's character map gives the character (0: nothing drawn). */
    private static int outline(TrueTypeFont font, int codePoint) {
        try {
            int glyph = font.getUnicodeCmapLookup().getGlyphId(codePoint);
            if (glyph == 0) {
                return 0;
            }
            GlyphData data = font.getGlyph().getGlyph(glyph);
            return data == null ? 0 : data.getNumberOfContours() == -1 ? 1 : data.getNumberOfContours();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<TrueTypeFont> embeddedFonts() throws Exception {
        List<TrueTypeFont> fonts = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().endsWith(".ttf")) {
                    fonts.add(new TTFParser().parse(new RandomAccessReadBuffer(zip.readAllBytes())));
                }
            }
        }
        return fonts;
    }
}
