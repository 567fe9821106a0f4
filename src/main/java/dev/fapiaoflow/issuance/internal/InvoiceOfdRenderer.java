package dev.fapiaoflow.issuance.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

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
import org.ofdrw.layout.element.Position;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.issuance.InvoiceKind;

/**
 * Renders the invoice face as OFD (GB/T 33190) with ofdrw: the same facts as the PDF face, both QR codes, the
 * embedded CJK font (the same WenQuanYi subset, embedded whole: ofdrw does not subset) and the seal image
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

    private final Path fontFile;

    public InvoiceOfdRenderer() {
        try (InputStream in = InvoiceOfdRenderer.class.getResourceAsStream(CjkFont.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font " + CjkFont.RESOURCE + " is missing from the classpath");
            }
            // ofdrw reads fonts from files: one copy per process, removed at exit
            Path folder = Files.createTempDirectory("fapiaoflow-ofd-font");
            fontFile = folder.resolve("WenQuanYiMicroHei-GB2312.ttf");
            // deleteOnExit runs in reverse order of registration: the folder first registered is removed last, empty
            folder.toFile().deleteOnExit();
            fontFile.toFile().deleteOnExit();
            Files.copy(in, fontFile, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the OFD font", e);
        }
    }

    public byte[] render(Invoice invoice, String originalNumber, InvoicePdfRenderer.VerificationMark mark) {
        Path work = null;
        try {
            work = Files.createTempDirectory("fapiaoflow-ofd");
            Font font = new Font("WenQuanYi Micro Hei", "WenQuanYi Micro Hei", fontFile);
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
                // local-mode documents say what they are (InvoicePdfRenderer.DEMO_MARK), at the top and the foot of the page
                page.add(at(demoLine(font, 4.2), 70, 1.5));
                page.add(at(demoLine(font, 4.2), 70, 200));
                page.add(at(qr(work, "standard.png", InvoicePdfRenderer.qrContent(invoice), 24), 12, 10));
                if (mark != null) {
                    page.add(at(qr(work, "link.png", mark.link(), 28), 40, 8));
                }
                page.add(at(line(font, InvoicePdfRenderer.title(invoice.type()), 7, 120), 88, 16));
                double y = 14;
                for (String fact : headerFacts(invoice, originalNumber)) {
                    page.add(at(line(font, fact, 3.2, 80), 210, y));
                    y += 5;
                }
                y = 44;
                BuyerDetails buyer = invoice.buyer();
                y = add(page, font, y, 3.4, "购买方  名称：" + text(buyer.title()) + "    统一社会信用代码/纳税人识别号：" + text(buyer.taxId()));
                y = add(page, font, y, 3.4, "销售方  名称：" + invoice.sellerName() + "    统一社会信用代码/纳税人识别号：" + invoice.sellerTaxId());
                y = add(page, font, y + 3, 3.2, "项目名称 | 单位 | 数量 | 单价 | 金额 | 税率/征收率 | 税额");
                for (InvoiceLine item : invoice.lines()) {
                    y = add(page, font, y, 3.2, item.itemName() + " | " + text(item.unit()) + " | "
                            + (item.quantity() == null ? "" : TaxedAmount.display(item.quantity())) + " | "
                            + (item.unitPrice() == null ? "" : TaxedAmount.display(item.unitPrice())) + " | "
                            + InvoicePdfRenderer.money(item.netAmount()) + " | " + InvoicePdfRenderer.percent(item.taxRate())
                            + " | " + InvoicePdfRenderer.money(item.taxAmount()));
                }
                y = add(page, font, y + 2, 3.2, "合计  ¥" + InvoicePdfRenderer.money(invoice.netAmount()) + "    税额  ¥"
                        + InvoicePdfRenderer.money(invoice.taxAmount()));
                y = add(page, font, y, 3.6, "价税合计（大写）  " + CapitalAmount.of(invoice.totalAmount()) + "    （小写）¥"
                        + InvoicePdfRenderer.money(invoice.totalAmount()));
                y = add(page, font, y + 2, 3.2, "备注：" + text(invoice.remarks()));
                add(page, font, y + 3, 3.2, "开票人：" + invoice.issuer());
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
    private static double add(VirtualPage page, Font font, double y, double size, String text) {
        page.add(at(line(font, text, size, 270), 14, y));
        return y + size * 1.6;
    }

    private static <T extends Div<T>> T at(T element, double x, double y) {
        return element.setPosition(Position.Absolute).setX(x).setY(y);
    }

    private static Paragraph demoLine(Font font, double size) {
        Span span = new Span(font, size, InvoicePdfRenderer.DEMO_MARK);
        span.setColor(new int[] {0xC0, 0x00, 0x00});
        Paragraph paragraph = new Paragraph();
        paragraph.add(span);
        paragraph.setWidth(170d);
        return paragraph;
    }

    private static Paragraph line(Font font, String text, double size, double width) {
        Span span = new Span(font, size, text);
        span.setColor(INK);
        Paragraph paragraph = new Paragraph();
        paragraph.add(span);
        paragraph.setWidth(width);
        return paragraph;
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
        java.awt.Font base;
        try {
            base = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, fontFile.toFile());
        } catch (java.awt.FontFormatException e) {
            throw new IOException("the seal font is unreadable", e);
        }
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
