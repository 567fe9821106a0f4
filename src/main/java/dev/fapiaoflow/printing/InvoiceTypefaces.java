package dev.fapiaoflow.printing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;

import com.itextpdf.io.font.FontProgram;

/**
 * The invoice fonts, a fallback chain: WenQuanYi Zen Hei (Chinese glyph forms, every BMP character of GB 18030 plus
 * Latin, punctuation and full-width forms) and, for what it lacks, HanaMinB (CJK Extensions B to F, where rare name
 * characters such as 𠮷 live). Both ship in the jar (pom.xml copies them from their Debian packages; licences in
 * docs/dependencies.md). Each face is read and parsed once per process: a document asks {@link #faceFor} which face
 * draws a character, input validation asks {@link #firstUndrawable}.
 */
public final class InvoiceTypefaces {

    /** One font of the chain: its file's bytes (for OFD subsets), its parsed program (for PDFs) and what it draws. */
    public record Face(String name, String resource, int collectionIndex, byte[] bytes, FontProgram program,
            BitSet codePoints) {

        public boolean draws(int codePoint) {
            return codePoints.get(codePoint);
        }

        /** One face per font of the chain: compared by identity, not by its megabytes. */
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The GB2312 subset of WenQuanYi Micro Hei (tools/make-font-subset.sh), also the report charts' font. */
    public static final String COMMON_RESOURCE = "/fonts/wqy-microhei-gb2312.ttf";
    public static final String MAIN_RESOURCE = "/fonts/invoice/wqy-zenhei.ttc";
    public static final String SUPPLEMENT_RESOURCE = "/fonts/invoice/HanaMinB.ttf";

    private final Face common;
    private final Face main;
    private final Face supplement;

    private InvoiceTypefaces() {
        common = load("WenQuanYi Micro Hei", COMMON_RESOURCE, -1);
        // face 0 of the collection is the proportional Zen Hei (1 and 2 are its monospaced and sharp variants)
        main = load("WenQuanYi Zen Hei", MAIN_RESOURCE, 0);
        supplement = load("HanaMinB", SUPPLEMENT_RESOURCE, -1);
    }

    /** Parsing the two fonts (about 48 MB) takes a while, so it happens once, at first use. */
    private static final class Loaded {
        private static final InvoiceTypefaces INSTANCE = new InvoiceTypefaces();
    }

    public static InvoiceTypefaces get() {
        return Loaded.INSTANCE;
    }

    public Face main() {
        return main;
    }

    public Face supplement() {
        return supplement;
    }

    public List<Face> chain() {
        return List.of(main, supplement);
    }

    /**
     * The chain for PDFs: the GB2312 subset first, since a subset keeps glyph ids and so carries glyph locations and
     * metrics up to the highest glyph used (at most 7,500 in the GB2312 subset, up to 45,000 in Zen Hei). Most invoices
     * need nothing else; a rare character brings in Zen Hei or HanaMinB for that document.
     */
    public List<Face> pdfChain() {
        return List.of(common, main, supplement);
    }

    /** The face that draws the character in OFDs: the main one unless only the supplement has it. */
    public Face faceFor(int codePoint) {
        return !main.draws(codePoint) && supplement.draws(codePoint) ? supplement : main;
    }

    public boolean canDraw(int codePoint) {
        // line breaks and tabs are laid out, not drawn
        return codePoint == '\n' || codePoint == '\r' || codePoint == '\t' || main.draws(codePoint)
                || supplement.draws(codePoint) || common.draws(codePoint);
    }

    /** The first character of the text that no face of the chain can draw, if any (null text: none). */
    public OptionalInt firstUndrawable(CharSequence text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        return text.codePoints().filter(codePoint -> !canDraw(codePoint)).findFirst();
    }

    private static Face load(String name, String resource, int collectionIndex) {
        try (InputStream in = InvoiceTypefaces.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the classpath: the build copies it"
                        + " from a Debian package (tools/prerequisites installs it; see docs/dependencies.md)");
            }
            byte[] bytes = in.readAllBytes();
            // PDFs get the fast subsets of every face, a collection's face copied out of it first; OFDs subset the
            // file as it is (FontSubsets)
            FontProgram program = collectionIndex < 0 ? new SubsettingTrueTypeFont(bytes)
                    : SubsettingTrueTypeFont.fromCollection(bytes, collectionIndex);
            BitSet codePoints = new BitSet(Character.MAX_CODE_POINT + 1);
            for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
                // glyph 0 is .notdef: a character mapped there is not drawn
                var glyph = program.getGlyph(codePoint);
                if (glyph != null && glyph.getCode() > 0 && !Character.isISOControl(codePoint)) {
                    codePoints.set(codePoint);
                }
            }
            return new Face(name, resource, collectionIndex, bytes, program, codePoints);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }
}
