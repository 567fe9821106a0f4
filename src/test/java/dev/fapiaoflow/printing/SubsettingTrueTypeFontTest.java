package dev.fapiaoflow.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.itextpdf.io.font.TrueTypeFont;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/**
 * The PDF subsets cut by SubsettingTrueTypeFont, read back by another parser (PDFBox's FontBox): every glyph used, and
 * every component of a composite one, has the original's outline under its original id; the rest is empty; the
 * checksums hold; for the GB2312 face (a file of its own) and for Zen Hei (a face of a collection) alike.
 */
class SubsettingTrueTypeFontTest {

    /** 电 and 子 are composite glyphs in the GB2312 face (components near its end), 0-9 and A simple ones. */
    private static final String TEXT = "电子发票名称统一社会信用代码0123456789A";

    @Test
    void keepsTheOutlinesOfTheGlyphsUsedUnderTheirIds() throws Exception {
        InvoiceTypefaces.Face common = InvoiceTypefaces.get().pdfChain().get(0);
        org.apache.fontbox.ttf.TrueTypeFont original = new TTFParser().parse(new RandomAccessReadBuffer(common.bytes()));
        int composites = assertSubsetKeepsOutlines(common, original, TEXT);
        assertThat(composites).as("composite glyphs among the text's (their components must come along)").isPositive();
    }

    /** Zen Hei is a collection's face: copied out of the collection, it is cut the same way (rare name characters). */
    @Test
    void cutsTheCollectionsFaceLikeASingleFile() throws Exception {
        InvoiceTypefaces.Face main = InvoiceTypefaces.get().main();
        assertThat(main.collectionIndex()).isZero();
        List<org.apache.fontbox.ttf.TrueTypeFont> faces = new ArrayList<>();
        new TrueTypeCollection(new java.io.ByteArrayInputStream(main.bytes())).processAllFonts(faces::add);
        assertSubsetKeepsOutlines(main, faces.get(main.collectionIndex()), "王堃喆玥昇公司龘0123456789A");
    }

    @Test
    void refusesWhatIsNotACollectionsFace() {
        byte[] single = InvoiceTypefaces.get().supplement().bytes();
        assertThatThrownBy(() -> SubsettingTrueTypeFont.fromCollection(single, 0)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a TrueType collection");
        byte[] collection = InvoiceTypefaces.get().main().bytes();
        assertThatThrownBy(() -> SubsettingTrueTypeFont.fromCollection(collection, 7)).isInstanceOf(IOException.class)
                .hasMessageContaining("not 8");
    }

    /** Cuts the face's subset for the text and compares it glyph by glyph with FontBox's reading of the original. */
    private static int assertSubsetKeepsOutlines(InvoiceTypefaces.Face face, org.apache.fontbox.ttf.TrueTypeFont original,
            String text) throws Exception {
        TrueTypeFont program = (TrueTypeFont) face.program();
        assertThat(program).isInstanceOf(SubsettingTrueTypeFont.class);
        Set<Integer> glyphs = new TreeSet<>();
        text.codePoints().forEach(codePoint -> glyphs.add(program.getGlyph(codePoint).getCode()));
        assertThat(glyphs).as("every character of %s is in %s", text, face).doesNotContain(0);

        var subset = program.subset(glyphs, true);
        byte[] bytes = subset.getSecond();

        // parsed as a font embedded in a PDF: no post, name or cmap table needed
        org.apache.fontbox.ttf.TrueTypeFont cut = new TTFParser(true).parse(new RandomAccessReadBuffer(bytes));
        assertThat(cut.getNumberOfGlyphs()).isEqualTo(subset.getFirst()).isLessThanOrEqualTo(original.getNumberOfGlyphs());
        int composites = 0;
        for (int glyph : glyphs) {
            GlyphData expected = original.getGlyph().getGlyph(glyph);
            GlyphData actual = cut.getGlyph().getGlyph(glyph);
            assertThat(actual.getDescription().getPointCount()).as("points of glyph %d", glyph)
                    .isEqualTo(expected.getDescription().getPointCount()).isPositive();
            assertThat(actual.getBoundingBox().toString()).isEqualTo(expected.getBoundingBox().toString());
            assertThat(cut.getHorizontalMetrics().getAdvanceWidth(glyph))
                    .isEqualTo(original.getHorizontalMetrics().getAdvanceWidth(glyph));
            if (expected.getNumberOfContours() < 0) {
                composites++;
            }
        }
        int unused = 100;
        assertThat(glyphs).doesNotContain(unused);
        assertThat(original.getGlyph().getGlyph(unused).getDescription().getPointCount()).isPositive();
        assertThat(cut.getGlyph().getGlyph(unused).getDescription().getPointCount()).as("an unused glyph is empty").isZero();
        assertThat(bytes.length).isLessThan(face.bytes().length / 10);
        assertThat(checksumOfTheWholeFont(bytes)).as("head.checkSumAdjustment makes the font sum to 0xB1B0AFBA")
                .isEqualTo(0xB1B0AFBA);
        return composites;
    }

    private static int checksumOfTheWholeFont(byte[] font) {
        ByteBuffer in = ByteBuffer.wrap(font);
        int sum = 0;
        for (int at = 0; at + 4 <= font.length; at += 4) {
            sum += in.getInt(at);
        }
        return sum;
    }
}
