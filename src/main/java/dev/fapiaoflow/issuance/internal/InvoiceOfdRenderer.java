package dev.fapiaoflow.issuance.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import com.itextpdf.barcodes.BarcodeQRCode;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.font.Font;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Div;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Span;
import org.ofdrw.layout.element.TxtGlyph;
import org.ofdrw.layout.element.Position;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.issuance.InvoiceKind;
import dev.fapiaoflow.printing.FontSubsets;
import dev.fapiaoflow.printing.InvoiceTypefaces;

/**
 * Renders the invoice face as OFD (GB/T 33190) with ofdrw: the same facts as the PDF face, both QR codes, the
 * invoice fonts ({@link InvoiceTypefaces}; each face the document uses embedded as a subset of its characters, since
 * ofdrw embeds font files whole) and the seal image
 * (发票专用章) where the signature's stamp annotation goes. The signed link's text and signature are kept as the
 * document's custom data, which the OFD signature protects.
 */
@Component
public class InvoiceOfdRenderer {

    /** Custom-data names of the signed link's text and signature (the same values as the PDF's document information). */
    public static final String DATA_INVOICE = dev.fapiaoflow.signing.OfdSignatures.DATA_INVOICE;
    public static final String DATA_SIGNATURE = dev.fapiaoflow.signing.OfdSignatures.DATA_SIGNATURE;
    /** Where the seal goes on page 1, in millimetres from the top left (also the stamp annotation's box). */
    static final double SEAL_X = 215;
    static final double SEAL_Y = 140;
    static final double SEAL_SIZE = 40;
    private static final int[] INK = {0x8B, 0x45, 0x13};

    /** the typefaces and the seal's font, made when the first OFD is (not while the application starts: issue 21) */
    private record Fonts(InvoiceTypefaces typefaces, java.awt.Font sealFont) {
    }

    private final java.util.function.Supplier<InvoiceTypefaces> typefacesToLoad;
    private volatile Fonts fonts;

    public InvoiceOfdRenderer() {
        this.typefacesToLoad = InvoiceTypefaces::get;
    }

    InvoiceOfdRenderer(InvoiceTypefaces typefaces) {
        this.typefacesToLoad = () -> typefaces;
    }

    private Fonts fonts() {
        Fonts loaded = fonts;
        if (loaded == null) {
            synchronized (this) {
                if (fonts == null) {
                    InvoiceTypefaces typefaces = typefacesToLoad.get();
                    try {
                        // the seal is a picture, drawn with the main face through Java 2D (its collection's first font)
                        fonts = new Fonts(typefaces,
                                java.awt.Font.createFonts(new java.io.ByteArrayInputStream(typefaces.main().bytes()))[0]);
                    } catch (IOException | java.awt.FontFormatException e) {
                        throw new IllegalStateException("cannot read the seal font", e);
                    }
                }
                loaded = fonts;
            }
        }
        return loaded;
    }

    /** A run of text placed on the page: x and y in millimetres from the top left, size in millimetres too. */
    private record Line(String text, double size, double width, double x, double y, int[] colour) {
    }

    public byte[] render(Invoice invoice, String originalNumber, InvoicePdfRenderer.VerificationMark mark) {
        Path work = null;
        try {
            work = Files.createTempDirectory("fapiaoflow-ofd");
            List<Line> lines = lines(invoice, originalNumber);
            Map<InvoiceTypefaces.Face, Font> fonts = subsetFonts(work, lines);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OFDDoc doc = new OFDDoc(out)) {
                PageLayout a4Landscape = new PageLayout(297d, 210d);
                doc.setDefaultPageLayout(a4Landscape);
                if (mark != null) {
                    CT_DocInfo info = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
                    info.setCustomDatas(new CustomDatas().addCustomData(DATA_INVOICE, mark.invoice())
                            .addCustomData(DATA_SIGNATURE, mark.signature()));
                }
                // one page, every element placed absolutely (millimetres from the top left; font sizes in mm too)
                VirtualPage page = new VirtualPage(a4Landscape);
                page.add(at(qr(work, "standard.png", InvoicePdfRenderer.qrContent(invoice), 24), 12, 10));
                if (mark != null) {
                    page.add(at(qr(work, "link.png", mark.link(), 28), 40, 8));
                }
                for (Line line : lines) {
                    page.add(at(paragraph(fonts, line), line.x(), line.y()));
                }
                page.add(at(new Img(SEAL_SIZE, SEAL_SIZE, sealImage(work, invoice.sellerName())), SEAL_X, SEAL_Y));
                doc.addVPage(page);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the OFD", e);
        } catch (org.dom4j.DocumentException e) {
            throw new IllegalStateException("cannot render the OFD", e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** Every text of the face, in the order it is drawn. */
    private static List<Line> lines(Invoice invoice, String originalNumber) {
        List<Line> lines = new ArrayList<>();
        // local-mode documents say what they are (InvoicePdfRenderer.DEMO_MARK), at the top and the foot of the page
        int[] red = {0xC0, 0x00, 0x00};
        lines.add(new Line(InvoicePdfRenderer.DEMO_MARK, 4.2, 170, 70, 1.5, red));
        lines.add(new Line(InvoicePdfRenderer.DEMO_MARK, 4.2, 170, 70, 200, red));
        lines.add(new Line(InvoicePdfRenderer.title(invoice.type()), 7, 120, 88, 16, INK));
        double y = 14;
        for (String fact : headerFacts(invoice, originalNumber)) {
            lines.add(new Line(fact, 3.2, 80, 210, y, INK));
            y += 5;
        }
        y = 44;
        BuyerDetails buyer = invoice.buyer();
        y = add(lines, y, 3.4, "购买方  名称：" + text(buyer.title()) + "    统一社会信用代码/纳税人识别号：" + text(buyer.taxId()));
        y = add(lines, y, 3.4, "销售方  名称：" + invoice.sellerName() + "    统一社会信用代码/纳税人识别号：" + invoice.sellerTaxId());
        y = add(lines, y + 3, 3.2, "项目名称 | 单位 | 数量 | 单价 | 金额 | 税率/征收率 | 税额");
        for (InvoiceLine item : invoice.lines()) {
            y = add(lines, y, 3.2, item.itemName() + " | " + text(item.unit()) + " | "
                    + (item.quantity() == null ? "" : TaxedAmount.display(item.quantity())) + " | "
                    + (item.unitPrice() == null ? "" : TaxedAmount.display(item.unitPrice())) + " | "
                    + InvoicePdfRenderer.money(item.netAmount()) + " | " + InvoicePdfRenderer.percent(item.taxRate())
                    + " | " + InvoicePdfRenderer.money(item.taxAmount()));
        }
        y = add(lines, y + 2, 3.2, "合计  ¥" + InvoicePdfRenderer.money(invoice.netAmount()) + "    税额  ¥"
                + InvoicePdfRenderer.money(invoice.taxAmount()));
        y = add(lines, y, 3.6, "价税合计（大写）  " + CapitalAmount.of(invoice.totalAmount()) + "    （小写）¥"
                + InvoicePdfRenderer.money(invoice.totalAmount()));
        y = add(lines, y + 2, 3.2, "备注：" + text(invoice.remarks()));
        add(lines, y + 3, 3.2, "开票人：" + invoice.issuer());
        return lines;
    }

    /**
     * One font file per face the document uses, holding only the glyphs of its characters: OFD embeds font files
     * whole, so the 17 and 31 MB faces become a few dozen KB.
     */
    private Map<InvoiceTypefaces.Face, Font> subsetFonts(Path work, List<Line> lines) throws IOException {
        Map<InvoiceTypefaces.Face, SortedSet<Integer>> used = new LinkedHashMap<>();
        for (int codePoint : FontSubsets.codePoints(lines.stream().map(Line::text).toList())) {
            used.computeIfAbsent(fonts().typefaces().faceFor(codePoint), face -> new TreeSet<>()).add(codePoint);
        }
        Map<InvoiceTypefaces.Face, Font> fonts = new HashMap<>();
        int number = 0;
        for (Map.Entry<InvoiceTypefaces.Face, SortedSet<Integer>> face : used.entrySet()) {
            Path file = work.resolve("font" + number++ + ".ttf");
            Files.write(file, FontSubsets.subset(face.getKey(), face.getValue()));
            fonts.put(face.getKey(), new Font(face.getKey().name(), face.getKey().name(), file));
        }
        return fonts;
    }

    /**
     * The line as runs of one face each. A character outside the BMP is a run of its own: ofdrw measures text per
     * UTF-16 unit and would give its two halves two widths (see {@link CodePointSpan}).
     */
    private Paragraph paragraph(Map<InvoiceTypefaces.Face, Font> fonts, Line line) {
        Paragraph paragraph = new Paragraph();
        String text = line.text();
        int start = 0;
        while (start < text.length()) {
            int first = text.codePointAt(start);
            InvoiceTypefaces.Face face = fonts().typefaces().faceFor(first);
            int end = start + Character.charCount(first);
            if (Character.isBmpCodePoint(first)) {
                while (end < text.length()) {
                    int next = text.codePointAt(end);
                    if (!Character.isBmpCodePoint(next) || fonts().typefaces().faceFor(next) != face) {
                        break;
                    }
                    end += Character.charCount(next);
                }
            }
            String run = text.substring(start, end);
            Span span = Character.isBmpCodePoint(first) ? new Span(fonts.get(face), line.size(), run)
                    : new CodePointSpan(fonts.get(face), line.size(), run);
            span.setColor(line.colour());
            paragraph.add(span);
            start = end;
        }
        paragraph.setWidth(line.width());
        return paragraph;
    }

    /** A span of one character outside the BMP, measured as the one glyph it is. */
    static final class CodePointSpan extends Span {

        CodePointSpan(Font font, double size, String character) {
            super(font, size, character);
        }

        @Override
        public List<TxtGlyph> glyphList() {
            return List.of(new TxtGlyph(getText().charAt(0), this));
        }
    }

    private static List<String> headerFacts(Invoice invoice, String originalNumber) {
        List<String> facts = new ArrayList<>();
        facts.add("发票号码：" + invoice.number());
        facts.add("开票日期：" + InvoicePdfRenderer.FACE_DATE.format(invoice.issueDate()));
        if (invoice.kind() == InvoiceKind.RED) {
            facts.add(InvoicePdfRenderer.RED_MARK);
            facts.add(InvoicePdfRenderer.ORIGINAL_NUMBER_LABEL + (originalNumber == null ? "" : originalNumber));
        }
        return facts;
    }

    /** A line at y across the page; gives the y of the next line. */
    private static double add(List<Line> lines, double y, double size, String text) {
        lines.add(new Line(text, size, 270, 14, y, INK));
        return y + size * 1.6;
    }

    private static <T extends Div<T>> T at(T element, double x, double y) {
        return element.setPosition(Position.Absolute).setX(x).setY(y);
    }

    private static Img qr(Path work, String name, String content, double size) throws IOException {
        java.awt.Image awt = new BarcodeQRCode(content).createAwtImage(Color.BLACK, Color.WHITE);
        BufferedImage image = new BufferedImage(awt.getWidth(null), awt.getHeight(null), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(awt, 0, 0, null);
        g.dispose();
        Path file = work.resolve(name);
        ImageIO.write(scaled(image, 8), "png", file.toFile());
        return new Img(size, size, file);
    }

    /** Nearest-neighbour enlargement: modules stay sharp when a viewer scales the picture. */
    private static BufferedImage scaled(BufferedImage image, int factor) {
        BufferedImage large = new BufferedImage(image.getWidth() * factor, image.getHeight() * factor, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image, 0, 0, large.getWidth(), large.getHeight(), null);
        g.dispose();
        return large;
    }

    /** The red oval seal of the seller: name along the top, 发票专用章 below; transparent around it. */
    private Path sealImage(Path work, String sellerName) throws IOException {
        int size = 400;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color red = new Color(0xD0, 0x10, 0x10);
        g.setColor(red);
        g.setStroke(new BasicStroke(12));
        g.drawOval(10, 40, size - 20, size - 80);
        java.awt.Font base = fonts().sealFont();
        drawCentred(g, base.deriveFont(java.awt.Font.BOLD, 30f), sellerName, size, 150);
        drawCentred(g, base.deriveFont(java.awt.Font.BOLD, 44f), "发票专用章", size, 280);
        g.dispose();
        Path file = work.resolve("seal.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void drawCentred(Graphics2D g, java.awt.Font font, String text, int width, int baseline) {
        g.setFont(font);
        int textWidth = g.getFontMetrics().stringWidth(text);
        float scale = Math.min(1f, (width - 80f) / Math.max(1, textWidth));
        g.setFont(font.deriveFont(font.getSize2D() * scale));
        g.drawString(text, (width - g.getFontMetrics().stringWidth(text)) / 2f, baseline);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is removed with the system's temporary files
        }
    }
}
