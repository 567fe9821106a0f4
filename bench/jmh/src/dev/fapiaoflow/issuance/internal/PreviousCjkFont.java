package dev.fapiaoflow.issuance.internal;

import java.util.List;

import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.layout.font.FontProvider;
import com.itextpdf.layout.font.FontSet;

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
 */
/** CjkFont as it was at 799eb76 (one iText FontProvider per document), for InvoicePdfBenchmark only. */
class PreviousCjkFont {

    private final FontSet fontSet;
    private final List<String> families;

    PreviousCjkFont() {
        this(InvoiceTypefaces.get());
    }

    PreviousCjkFont(InvoiceTypefaces typefaces) {
        families = typefaces.pdfChain().stream().map(InvoiceTypefaces.Face::name).toList();
        fontSet = new FontSet();
        for (InvoiceTypefaces.Face face : typefaces.pdfChain()) {
            // parsed again by iText as before, so that its own subsetter runs, not SubsettingTrueTypeFont
            fontSet.addFont(plainIText(face), PdfEncodings.IDENTITY_H, face.name());
        }
    }

    private static com.itextpdf.io.font.FontProgram plainIText(InvoiceTypefaces.Face face) {
        try {
            return face.collectionIndex() < 0 ? FontProgramFactory.createFont(face.bytes(), false)
                    : FontProgramFactory.createFont(face.bytes(), face.collectionIndex(), false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** For a benchmark comparing other fonts: the set's fonts must be added as parsed programs. */
    PreviousCjkFont(FontSet fontSet, List<String> families) {
        this.fontSet = fontSet;
        this.families = families;
    }

    /** The fonts of one document: fonts are created on first use, so an unused face is not embedded. */
    public FontProvider newProvider() {
        return new FontProvider(fontSet, families.get(0));
    }

    public List<String> families() {
        return families;
    }
}
