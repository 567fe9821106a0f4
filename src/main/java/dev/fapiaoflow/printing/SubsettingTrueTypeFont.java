package dev.fapiaoflow.printing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.itextpdf.commons.datastructures.Tuple2;
import com.itextpdf.io.font.TrueTypeFont;

/**
 * A TrueType font (one file, not a collection) whose PDF subsets are cut from the font's bytes in memory, with the
 * table directory and glyph locations read once per process. iText's own subsetter re-reads the glyph locations and
 * metrics of every glyph of the font through its thread-safe byte source for every document, and writes them all
 * back (13,372 for the GB2312 face, 42,000 and more for HanaMinB): that was a fifth of a page's rendering time
 * (docs/performance.md).
 *
 * <p>The subset keeps glyph ids (a PDF's Identity-H CIDs are glyph ids) and ends at the highest glyph used: {@code glyf}
 * holds the used glyphs and the components of composite ones, {@code loca} (long format) and {@code hmtx} cover glyphs
 * 0 to the highest used, unused ones empty; {@code head}, {@code hhea}, {@code maxp}, {@code OS/2} and the hinting tables
 * ({@code cvt}, {@code fpgm}, {@code prep}) are copied. No {@code cmap}: a CIDFontType2 program is addressed by glyph id
 * and its text is extracted through the ToUnicode map (ISO 32000-1, 9.9, table 126 lists cmap among the tables only
 * for simple TrueType fonts).
 *
 * <p>A face of a TrueType collection (WenQuanYi Zen Hei) is first copied out of the collection into a font file of its
 * own ({@link #fromCollection}), so it gets the same subsets: iText's subsetter took half of a page's time when a
 * buyer's name needed that face (bench/jmh.sh, rare-name variant).
 */
final class SubsettingTrueTypeFont extends TrueTypeFont {

    private static final List<String> COPIED = List.of("OS/2", "cvt ", "fpgm", "prep");

    private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
    private static final int WE_HAVE_A_SCALE = 0x0008;
    private static final int MORE_COMPONENTS = 0x0020;
    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
    private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;

    private final byte[] file;
    private final Map<String, int[]> tables = new HashMap<>();
    private final int glyphCount;
    private final int horizontalMetricCount;
    private final int[] locations;

    SubsettingTrueTypeFont(byte[] file) throws IOException {
        super(file);
        this.file = file;
        ByteBuffer in = ByteBuffer.wrap(file);
        int count = in.getShort(4) & 0xFFFF;
        for (int entry = 0; entry < count; entry++) {
            int at = 12 + 16 * entry;
            String tag = new String(file, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            tables.put(tag, new int[] {in.getInt(at + 8), in.getInt(at + 12)});
        }
        for (String required : List.of("head", "hhea", "hmtx", "loca", "glyf", "maxp")) {
            if (!tables.containsKey(required)) {
                throw new IOException("not a TrueType font with outlines: no " + required + " table");
            }
        }
        glyphCount = in.getShort(table("maxp")[0] + 4) & 0xFFFF;
        horizontalMetricCount = in.getShort(table("hhea")[0] + 34) & 0xFFFF;
        boolean longOffsets = in.getShort(table("head")[0] + 50) != 0;
        int loca = table("loca")[0];
        locations = new int[glyphCount + 1];
        for (int glyph = 0; glyph <= glyphCount; glyph++) {
            locations[glyph] = longOffsets ? in.getInt(loca + 4 * glyph) : (in.getShort(loca + 2 * glyph) & 0xFFFF) * 2;
        }
    }

    /**
     * The face at {@code index} of a TrueType collection ({@code ttcf}), as a font file of its own: the tables its
     * offset table lists (the collection's faces share some of them), copied; no digital signature (it signed the
     * collection).
     */
    static SubsettingTrueTypeFont fromCollection(byte[] collection, int index) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(collection);
        if (collection.length < 16 || in.getInt(0) != 0x74746366) {   // 'ttcf'
            throw new IOException("not a TrueType collection");
        }
        int faces = in.getInt(8);
        if (index < 0 || index >= faces) {
            throw new IOException("the collection has " + faces + " faces, not " + (index + 1));
        }
        int face = in.getInt(12 + 4 * index);
        int count = in.getShort(face + 4) & 0xFFFF;
        Map<String, byte[]> tables = new java.util.TreeMap<>();
        for (int entry = 0; entry < count; entry++) {
            int at = face + 12 + 16 * entry;
            String tag = new String(collection, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int offset = in.getInt(at + 8);
            int length = in.getInt(at + 12);
            if (!tag.equals("DSIG")) {
                byte[] table = new byte[length];
                System.arraycopy(collection, offset, table, 0, length);
                tables.put(tag, table);
            }
        }
        return new SubsettingTrueTypeFont(assemble(tables));
    }

    private int[] table(String tag) {
        return tables.get(tag);
    }

    /** Called by iText when it writes the font of a document: the number of glyphs of the subset and its bytes. */
    @Override
    public Tuple2<Integer, byte[]> subset(Set<Integer> glyphs, boolean subset) {
        if (!subset) {
            return super.subset(glyphs, false);
        }
        BitSet used = closure(glyphs);
        int count = used.length();
        int glyf = table("glyf")[0];

        int glyphBytes = 0;
        for (int glyph = used.nextSetBit(0); glyph >= 0; glyph = used.nextSetBit(glyph + 1)) {
            glyphBytes += pad(locations[glyph + 1] - locations[glyph]);
        }
        byte[] newGlyf = new byte[glyphBytes];
        ByteBuffer newLoca = ByteBuffer.allocate(4 * (count + 1));
        int metrics = Math.min(horizontalMetricCount, count);
        ByteBuffer newHmtx = ByteBuffer.allocate(4 * metrics + 2 * (count - metrics));
        int hmtx = table("hmtx")[0];
        int offset = 0;
        for (int glyph = 0; glyph < count; glyph++) {
            newLoca.putInt(offset);
            if (used.get(glyph)) {
                int length = locations[glyph + 1] - locations[glyph];
                System.arraycopy(file, glyf + locations[glyph], newGlyf, offset, length);
                offset += pad(length);
                if (glyph < metrics) {
                    newHmtx.put(4 * glyph, file, hmtx + 4 * glyph, 4);
                } else {
                    // past the last full metric: the left side bearing alone (the advance is the last metric's)
                    newHmtx.put(4 * metrics + 2 * (glyph - metrics), file,
                            hmtx + 4 * horizontalMetricCount + 2 * (glyph - horizontalMetricCount), 2);
                }
            }
        }
        newLoca.putInt(offset);
        // the last full metric carries the advance of every glyph after it: copied even when its glyph is unused
        newHmtx.put(4 * (metrics - 1), file, hmtx + 4 * (metrics - 1), 4);

        byte[] head = copy("head");
        ByteBuffer.wrap(head).putInt(8, 0).putShort(50, (short) 1);
        byte[] hhea = copy("hhea");
        ByteBuffer.wrap(hhea).putShort(34, (short) metrics);
        byte[] maxp = copy("maxp");
        ByteBuffer.wrap(maxp).putShort(4, (short) count);

        Map<String, byte[]> out = new java.util.TreeMap<>();
        out.put("glyf", newGlyf);
        out.put("head", head);
        out.put("hhea", hhea);
        out.put("hmtx", newHmtx.array());
        out.put("loca", newLoca.array());
        out.put("maxp", maxp);
        for (String tag : COPIED) {
            if (tables.containsKey(tag)) {
                out.put(tag, copy(tag));
            }
        }
        return new Tuple2<>(count, assemble(out));
    }

    /** The glyphs and, for composite glyphs, their components (recursively); glyph 0 (.notdef) always. */
    private BitSet closure(Set<Integer> glyphs) {
        BitSet used = new BitSet(glyphCount);
        used.set(0);
        for (Integer glyph : glyphs) {
            if (glyph != null && glyph >= 0 && glyph < glyphCount) {
                addWithComponents(used, glyph);
            }
        }
        return used;
    }

    private void addWithComponents(BitSet used, int glyph) {
        used.set(glyph);
        int start = table("glyf")[0] + locations[glyph];
        if (locations[glyph + 1] - locations[glyph] < 10) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        if (in.getShort(start) >= 0) {
            return; // a simple glyph
        }
        int at = start + 10;
        int flags;
        do {
            flags = in.getShort(at) & 0xFFFF;
            int component = in.getShort(at + 2) & 0xFFFF;
            at += 4 + ((flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2);
            if ((flags & WE_HAVE_A_SCALE) != 0) {
                at += 2;
            } else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
                at += 4;
            } else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
                at += 8;
            }
            if (component < glyphCount && !used.get(component)) {
                addWithComponents(used, component);
            }
        } while ((flags & MORE_COMPONENTS) != 0);
    }

    private byte[] copy(String tag) {
        int[] table = table(tag);
        byte[] copy = new byte[table[1]];
        System.arraycopy(file, table[0], copy, 0, table[1]);
        return copy;
    }

    /** The font file: offset table, table directory (tags in ascending order), tables on 4-byte boundaries. */
    private static byte[] assemble(Map<String, byte[]> tables) {
        int count = tables.size();
        int size = 12 + 16 * count;
        for (byte[] table : tables.values()) {
            size += pad(table.length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        int power = Integer.highestOneBit(count);
        out.putInt(0x00010000).putShort((short) count).putShort((short) (power * 16))
                .putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) ((count - power) * 16));
        int offset = 12 + 16 * count;
        int headOffset = 0;
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            byte[] data = table.getValue();
            out.put(table.getKey().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                    .putInt(checksum(data)).putInt(offset).putInt(data.length);
            if (table.getKey().equals("head")) {
                headOffset = offset;
            }
            out.put(offset, data);
            offset += pad(data.length);
        }
        byte[] font = out.array();
        // head.checkSumAdjustment: 0xB1B0AFBA minus the checksum of the whole font (computed with the field at 0)
        ByteBuffer.wrap(font).putInt(headOffset + 8, 0xB1B0AFBA - checksum(font));
        return font;
    }

    private static int checksum(byte[] data) {
        int sum = 0;
        int whole = data.length & ~3;
        ByteBuffer in = ByteBuffer.wrap(data);
        for (int at = 0; at < whole; at += 4) {
            sum += in.getInt(at);
        }
        int last = 0;
        for (int at = whole; at < data.length; at++) {
            last |= (data[at] & 0xFF) << (24 - 8 * (at - whole));
        }
        return sum + last;
    }

    private static int pad(int length) {
        return (length + 3) & ~3;
    }
}
