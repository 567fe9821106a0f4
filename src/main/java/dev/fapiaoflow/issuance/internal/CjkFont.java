package dev.fapiaoflow.issuance.internal;

import java.util.List;
import java.util.function.Supplier;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Text;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.printing.InvoiceTypefaces;
import dev.fapiaoflow.printing.InvoiceTypefaces.Face;

/**
 * The fonts of invoice PDFs: the invoice typefaces' fallback chain for PDFs ({@link InvoiceTypefaces#pdfChain}), each
 * embedded as a subset of the glyphs the document uses, with a ToUnicode map so the text can be extracted and
 * searched.
 *
 * <p>The renderer splits every text into runs itself, each run in the first face of the chain that draws its
 * characters (one look-up in the face's character set per character), and hands iText the run with its font. iText's
 * own font selection ({@code FontProvider}) did the same work per character over every face of the chain, sorted the
 * faces for every document and cost about a sixth of a page's time (bench/jmh.sh, docs/performance.md).
 *
 * <p>The font programs (glyph tables and character maps) are parsed once and shared across threads: iText reads the
 * glyphs through a fresh view of the font's bytes for every subset. A {@link PdfFont} belongs to one document and
 * records the glyphs that document used, so each document gets its own, created on first use: an unused face is not
 * embedded.
 */
@Component
public class CjkFont {

    private final Supplier<List<Face>> load;
    private volatile List<Face> faces;

    /**
     * The invoice typefaces, read and parsed (about 48 MB) when the first document needs them, not while the
     * application starts (issue 21: start-up): the first PDF is made by a job, never by a request awaiting readiness.
     */
    public CjkFont() {
        this.load = () -> InvoiceTypefaces.get().pdfChain();
    }

    /** For tests and the benchmark: another chain of faces, first face first. */
    CjkFont(List<Face> faces) {
        if (faces.isEmpty()) {
            throw new IllegalArgumentException("a chain needs a face");
        }
        this.faces = List.copyOf(faces);
        this.load = () -> this.faces;
    }

    /** The fonts of one PDF document. */
    public DocumentFonts newDocument() {
        return new DocumentFonts();
    }

    List<Face> faces() {
        List<Face> loaded = faces;
        if (loaded == null) {
            synchronized (this) {
                if (faces == null) {
                    faces = List.copyOf(load.get());
                }
                loaded = faces;
            }
        }
        return loaded;
    }

    /** The chain's fonts for one document, and the text split into runs of one face each. Not thread-safe. */
    public final class DocumentFonts {

        private final List<Face> faces = faces();
        private final PdfFont[] fonts = new PdfFont[faces.size()];

        private DocumentFonts() {
        }

        /** The first face's font: what an element without text of its own (an empty paragraph) is measured with. */
        public PdfFont first() {
            return font(0);
        }

        /** A paragraph of the text, each run in the face that draws it. */
        public Paragraph paragraph(String text) {
            return add(new Paragraph(), text);
        }

        /**
         * Adds the text to the paragraph in runs: a character stays in the current run while that run's face draws it
         * (digits, spaces and punctuation do not split a run), otherwise it starts a run in the first face that draws
         * it. A character no face draws (refused at input, so only in old data) stays in the current run, where it is
         * drawn as the face's empty glyph, as iText's selection did.
         */
        public Paragraph add(Paragraph paragraph, String text) {
            if (text == null || text.isEmpty()) {
                return paragraph;
            }
            int runStart = 0;
            int runFace = -1;
            for (int index = 0; index < text.length(); ) {
                int codePoint = text.codePointAt(index);
                if (runFace < 0 || !faces.get(runFace).draws(codePoint)) {
                    int face = faceOf(codePoint, runFace);
                    if (face != runFace) {
                        if (runFace >= 0) {
                            paragraph.add(new Text(text.substring(runStart, index)).setFont(font(runFace)));
                        }
                        runStart = index;
                        runFace = face;
                    }
                }
                index += Character.charCount(codePoint);
            }
            return paragraph.add(new Text(text.substring(runStart)).setFont(font(runFace)));
        }

        private int faceOf(int codePoint, int current) {
            for (int face = 0; face < faces.size(); face++) {
                if (faces.get(face).draws(codePoint)) {
                    return face;
                }
            }
            return current < 0 ? 0 : current;
        }

        private PdfFont font(int face) {
            if (fonts[face] == null) {
                fonts[face] = PdfFontFactory.createFont(faces.get(face).program(), PdfEncodings.IDENTITY_H,
                        PdfFontFactory.EmbeddingStrategy.PREFER_EMBEDDED);
            }
            return fonts[face];
        }
    }
}
