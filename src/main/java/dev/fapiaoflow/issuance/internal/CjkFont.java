package dev.fapiaoflow.issuance.internal;

import java.util.List;
import java.util.function.Supplier;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.layout.font.FontProvider;
import com.itextpdf.layout.font.FontSet;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.printing.InvoiceTypefaces;

/**
 * The fonts of invoice PDFs: the invoice typefaces' fallback chain for PDFs ({@link InvoiceTypefaces#pdfChain}), each
 * embedded as a subset of the glyphs the document uses, with a ToUnicode map so the text can be extracted and
 * searched. iText's font selection splits every text into runs by a font of the chain that has its characters.
 *
 * <p>The font programs (glyph tables and character maps) are parsed once and shared: handing iText the bytes for
 * every document made it hash them to find the program in its global font cache (bench/jmh.sh measured it). Sharing
 * is safe across threads: iText reads the glyphs through a fresh view of the font's bytes for every subset, and the
 * font set is only read. Each document gets its own provider, since a PdfFont belongs to one document and records
 * the glyphs that document used.
 *
 * <p>The fonts (about 48 MB) are read and parsed when the first document needs them, not while the application
 * starts (issue 21: start-up): the first PDF is made by a job, never by a request that waits for readiness.
 */
@Component
public class CjkFont {

    private record Fonts(FontSet fontSet, List<String> families) {
    }

    private final Supplier<Fonts> load;
    private volatile Fonts fonts;

    public CjkFont() {
        this.load = () -> of(InvoiceTypefaces.get());
    }

    CjkFont(InvoiceTypefaces typefaces) {
        this.fonts = of(typefaces);
        this.load = () -> fonts;
    }

    /** For a benchmark comparing other fonts: the set's fonts must be added as parsed programs. */
    protected CjkFont(FontSet fontSet, List<String> families) {
        this.fonts = new Fonts(fontSet, families);
        this.load = () -> fonts;
    }

    private static Fonts of(InvoiceTypefaces typefaces) {
        List<String> families = typefaces.pdfChain().stream().map(InvoiceTypefaces.Face::name).toList();
        FontSet fontSet = new FontSet();
        for (InvoiceTypefaces.Face face : typefaces.pdfChain()) {
            fontSet.addFont(face.program(), PdfEncodings.IDENTITY_H, face.name());
        }
        return new Fonts(fontSet, families);
    }

    private Fonts fonts() {
        Fonts loaded = fonts;
        if (loaded == null) {
            synchronized (this) {
                if (fonts == null) {
                    fonts = load.get();
                }
                loaded = fonts;
            }
        }
        return loaded;
    }

    /** The fonts of one document: fonts are created on first use, so an unused face is not embedded. */
    public FontProvider newProvider() {
        Fonts loaded = fonts();
        return new FontProvider(loaded.fontSet(), loaded.families().get(0));
    }

    public List<String> families() {
        return fonts().families();
    }
}
