package dev.fapiaoflow.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.TreeSet;

import com.itextpdf.io.font.TrueTypeFont;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/**
 * The PDF subsets cut by SubsettingTrueTypeFont, read back by another parser (PDFBox's FontBox): every glyph used, and
 * every component of a composite one, has the original's outline under its original id; the rest is empty; the
 * checksums hold.
 */
class SubsettingTrueTypeFontTest {

    /** 电 and 子 are composite glyphs in the GB2312 face (components near its end), 0-9 and A simple ones. */
    private static final String TEXT = "电子发票名称统一社会信用代码0123456789A";

    @Test
    void keepsTheOutlinesOfTheGlyphsUsedUnderTheirIds() throws Exception {
        InvoiceTypefaces.Face common = InvoiceTypefaces.get().pdfChain().get(0);
        TrueTypeFont program = (TrueTypeFont) common.program();
        assertThat(program).isInstanceOf(SubsettingTrueTypeFont.class);
        Set<Integer> glyphs = new TreeSet<>();
        TEXT.codePoints().forEach(codePoint -> glyphs.add(program.getGlyph(codePoint).getCode()));

        var subset = program.subset(glyphs, true);
        byte[] bytes = subset.getSecond();

        org.apache.fontbox.ttf.TrueTypeFont original = new TTFParser().parse(new RandomAccessReadBuffer(common.bytes()));
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
        assertThat(composites).as("composite glyphs among the text's (their components must come along)").isPositive();
        int unused = 100;
        assertThat(glyphs).doesNotContain(unused);
        assertThat(original.getGlyph().getGlyph(unused).getDescription().getPointCount()).isPositive();
        assertThat(cut.getGlyph().getGlyph(unused).getDescription().getPointCount()).as("an unused glyph is empty").isZero();
        assertThat(bytes.length).isLessThan(common.bytes().length / 10);
        assertThat(checksumOfTheWholeFont(bytes)).as("head.checkSumAdjustment makes the font sum to 0xB1B0AFBA")
                .isEqualTo(0xB1B0AFBA);
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
