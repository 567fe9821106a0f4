package dev.fapiaoflow.issuance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import org.springframework.stereotype.Component;

/**
 * The CJK font of invoice PDFs: a GB2312 subset of WenQuanYi Micro Hei shipped in the jar
 * (tools/make-font-subset.sh), so rendering never depends on fonts installed on the node. The bytes are
 * read once; each document gets its own PdfFont (a PdfFont belongs to one document), embedded as a subset
 * of the glyphs actually used, with a ToUnicode map so the text can be extracted and searched.
 */
@Component
public class CjkFont {

    static final String RESOURCE = "/fonts/wqy-microhei-gb2312.ttf";

    private final byte[] program;

    public CjkFont() {
        try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font " + RESOURCE + " is missing from the classpath");
            }
            this.program = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + RESOURCE, e);
        }
    }

    public PdfFont newFont() {
        try {
            PdfFont font = PdfFontFactory.createFont(program, PdfEncodings.IDENTITY_H,
                    PdfFontFactory.EmbeddingStrategy.PREFER_EMBEDDED);
            font.setSubset(true);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + RESOURCE, e);
        }
    }
}
