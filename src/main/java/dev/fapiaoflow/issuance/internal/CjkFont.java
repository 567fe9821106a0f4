package dev.fapiaoflow.issuance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import org.springframework.stereotype.Component;

/**
 * The CJK font of invoice PDFs: a GB2312 subset of WenQuanYi Micro Hei shipped in the jar
 * (tools/make-font-subset.sh), so rendering never depends on fonts installed on the node, embedded as a subset
 * of the glyphs actually used, with a ToUnicode map so the text can be extracted and searched.
 *
 * <p>The font program (glyph tables and character map) is parsed once and held here. Handing iText the font's bytes
 * for every document made it hash the 1.2 MB to find the program in its global font cache (and without that cache it
 * parses tables and character map again); bench/jmh.sh measures the three. Sharing is safe across threads: iText reads
 * the glyphs through a fresh view of the font's bytes for every subset. Each document still gets its own PdfFont,
 * since a PdfFont belongs to one document and records the glyphs that document used.
 */
@Component
public class CjkFont {

    static final String RESOURCE = "/fonts/wqy-microhei-gb2312.ttf";

    private final FontProgram program;

    public CjkFont() {
        try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font " + RESOURCE + " is missing from the classpath");
            }
            this.program = FontProgramFactory.createFont(in.readAllBytes(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + RESOURCE, e);
        }
    }

    public PdfFont newFont() {
        PdfFont font = PdfFontFactory.createFont(program, PdfEncodings.IDENTITY_H,
                PdfFontFactory.EmbeddingStrategy.PREFER_EMBEDDED);
        font.setSubset(true);
        return font;
    }
}
