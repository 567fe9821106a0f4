package dev.fapiaoflow.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * A TrueType font file holding only the glyphs of given characters, for documents that embed font files whole (OFD):
 * a few dozen KB instead of megabytes. PDFBox's subsetter picks and renumbers the glyphs; its character map covers only
 * the BMP, so the map is written here (format 4 for the BMP, format 12 for every plane, so 𠮷 is found too).
 */
public final class FontSubsets {

    /** Tables a renderer needs; the subsetter builds its own cmap only for the BMP, so it is left out and added here. */
    private static final List<String> TABLES = List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx", "name", "OS/2",
            "post", "cvt ", "fpgm", "prep", "gasp");

    private FontSubsets() {
    }

    /**
     * Each face parsed once: parsing the collection took seconds per document on a loaded machine. A parsed font reads
     * its tables lazily from one shared source, so one document at a time subsets it.
     */
    private static final Map<InvoiceTypefaces.Face, TrueTypeFont> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The face's glyphs for the code points it draws (the others are ignored). */
    public static byte[] subset(InvoiceTypefaces.Face face, SortedSet<Integer> codePoints) {
        try {
            TrueTypeFont font = PARSED.computeIfAbsent(face, FontSubsets::parse);
            synchronized (font) {
                CmapLookup cmap = font.getUnicodeCmapLookup();
                TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
                Map<Integer, Integer> oldGlyphs = new TreeMap<>();
                for (int codePoint : codePoints) {
                    int glyph = cmap.getGlyphId(codePoint);
                    if (glyph > 0) {
                        subsetter.add(codePoint);
                        oldGlyphs.put(codePoint, glyph);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                subsetter.writeToStream(out);
                Map<Integer, Integer> newByOld = new HashMap<>();
                subsetter.getGIDMap().forEach((newGlyph, oldGlyph) -> newByOld.put(oldGlyph, newGlyph));
                Map<Integer, Integer> glyphs = new TreeMap<>();
                oldGlyphs.forEach((codePoint, oldGlyph) -> glyphs.put(codePoint, newByOld.get(oldGlyph)));
                return withTable(out.toByteArray(), "cmap", cmap(glyphs));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot subset " + face.name(), e);
        }
    }

    private static TrueTypeFont parse(InvoiceTypefaces.Face face) {
        try {
            if (face.collectionIndex() < 0) {
                return new TTFParser().parse(new RandomAccessReadBuffer(face.bytes()));
            }
            // the collection's fonts in order; they stay open (in memory) for the process's lifetime
            List<TrueTypeFont> fonts = new ArrayList<>();
            TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(face.bytes()));
            collection.processAllFonts(fonts::add);
            return fonts.get(face.collectionIndex());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + face.name(), e);
        }
    }

    /** cmap with a (3,1) format 4 subtable (BMP) and a (3,10) format 12 subtable (all planes). */
    static byte[] cmap(Map<Integer, Integer> glyphs) {
        List<int[]> bmp = new ArrayList<>();
        glyphs.forEach((codePoint, glyph) -> {
            if (codePoint <= 0xFFFE) {
                bmp.add(new int[] {codePoint, glyph});
            }
        });
        int segments = bmp.size() + 1;
        int format4Length = 16 + segments * 8;
        ByteBuffer format4 = ByteBuffer.allocate(format4Length);
        int searchRange = 2 * Integer.highestOneBit(segments);
        format4.putShort((short) 4).putShort((short) format4Length).putShort((short) 0)
                .putShort((short) (segments * 2)).putShort((short) searchRange)
                .putShort((short) (Integer.numberOfTrailingZeros(searchRange / 2)))
                .putShort((short) (segments * 2 - searchRange));
        bmp.forEach(entry -> format4.putShort((short) entry[0]));
        format4.putShort((short) 0xFFFF).putShort((short) 0); // end codes, then reservedPad
        bmp.forEach(entry -> format4.putShort((short) entry[0]));
        format4.putShort((short) 0xFFFF);
        bmp.forEach(entry -> format4.putShort((short) (entry[1] - entry[0])));
        format4.putShort((short) 1);
        for (int i = 0; i < segments; i++) {
            format4.putShort((short) 0); // idRangeOffset: glyph = code + delta
        }
        ByteBuffer format12 = ByteBuffer.allocate(16 + glyphs.size() * 12);
        format12.putShort((short) 12).putShort((short) 0).putInt(format12.capacity()).putInt(0).putInt(glyphs.size());
        glyphs.forEach((codePoint, glyph) -> format12.putInt(codePoint).putInt(codePoint).putInt(glyph));
        ByteBuffer table = ByteBuffer.allocate(4 + 2 * 8 + format4Length + format12.capacity());
        table.putShort((short) 0).putShort((short) 2);
        table.putShort((short) 3).putShort((short) 1).putInt(4 + 2 * 8);
        table.putShort((short) 3).putShort((short) 10).putInt(4 + 2 * 8 + format4Length);
        table.put(format4.array()).put(format12.array());
        return table.array();
    }

    /** The sfnt with one more table: directory sorted by tag, tables 4-byte aligned, checksums and head adjusted. */
    static byte[] withTable(byte[] font, String tag, byte[] content) {
        ByteBuffer in = ByteBuffer.wrap(font);
        int count = Short.toUnsignedInt(in.getShort(4));
        TreeMap<String, byte[]> tables = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int entry = 12 + 16 * i;
            byte[] tagBytes = new byte[4];
            in.get(entry, tagBytes);
            int offset = in.getInt(entry + 8);
            int length = in.getInt(entry + 12);
            byte[] body = new byte[length];
            in.get(offset, body);
            tables.put(new String(tagBytes, java.nio.charset.StandardCharsets.ISO_8859_1), body);
        }
        tables.put(tag, content);
        int total = tables.size();
        int size = 12 + 16 * total + tables.values().stream().mapToInt(body -> (body.length + 3) & ~3).sum();
        ByteBuffer out = ByteBuffer.allocate(size);
        int searchRange = 16 * Integer.highestOneBit(total);
        out.putInt(0x00010000).putShort((short) total).putShort((short) searchRange)
                .putShort((short) Integer.numberOfTrailingZeros(Integer.highestOneBit(total)))
                .putShort((short) (total * 16 - searchRange));
        int offset = 12 + 16 * total;
        int headOffset = -1;
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            byte[] body = table.getValue();
            if (table.getKey().equals("head")) {
                headOffset = offset;
                ByteBuffer.wrap(body).putInt(8, 0); // checkSumAdjustment is computed over the file with it zeroed
            }
            out.put(table.getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                    .putInt((int) checksum(body)).putInt(offset).putInt(body.length);
            out.put(offset, body);
            offset += (body.length + 3) & ~3;
        }
        byte[] result = out.array();
        if (headOffset >= 0) {
            ByteBuffer.wrap(result).putInt(headOffset + 8, (int) (0xB1B0AFBAL - checksum(result)));
        }
        return result;
    }

    private static long checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            long word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < data.length ? data[i + j] & 0xFF : 0);
            }
            sum = (sum + word) & 0xFFFFFFFFL;
        }
        return sum;
    }

    /** The code points of the texts, sorted. */
    public static SortedSet<Integer> codePoints(Iterable<String> texts) {
        SortedSet<Integer> codePoints = new TreeSet<>();
        for (String text : texts) {
            text.codePoints().forEach(codePoints::add);
        }
        return codePoints;
    }
}
