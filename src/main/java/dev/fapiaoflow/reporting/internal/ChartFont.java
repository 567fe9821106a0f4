package dev.fapiaoflow.reporting.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font charts are laid out with: the app's embedded WenQuanYi Micro Hei subset (GB 2312, so every label of the
 * report has its glyph and JFreeChart measures Chinese text right on a server without CJK fonts). In the SVG the
 * browser draws the text with the first of {@link #CSS_FAMILIES} it has.
 */
final class ChartFont {

    static final String RESOURCE = "/fonts/wqy-microhei-gb2312.ttf";
    /** unquoted (valid CSS for names made of words): JFreeSVG writes the style attribute in single quotes */
    static final String CSS_FAMILIES =
            "WenQuanYi Micro Hei, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";

    private static final Font BASE = load();

    private ChartFont() {
    }

    static Font of(int style, float size) {
        return BASE.deriveFont(style, size);
    }

    static String family() {
        return BASE.getFamily();
    }

    private static Font load() {
        try (InputStream in = ChartFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Font font = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(RESOURCE + " is not a TrueType font", e);
        }
    }
}
