package dev.fapiaoflow.issuance.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.CompressionConstants;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.Border;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.font.FontProvider;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;

import dev.fapiaoflow.buyer.BuyerDetails;
import dev.fapiaoflow.issuance.InvoiceKind;
import dev.fapiaoflow.issuance.InvoiceType;
import dev.fapiaoflow.signing.PdfSignatures;

/**
 * InvoicePdfRenderer as it was before the renderer chose a face per run of text itself (main at 799eb76), frozen for
 * InvoicePdfBenchmark: iText's FontProvider selects a font of the chain for every character, tables are laid out
 * automatically. Not used by the app.
 */
class PreviousInvoicePdfRenderer {

    static final DateTimeFormatter FACE_DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");
    private static final DateTimeFormatter QR_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Color INK = new DeviceRgb(0x8B, 0x45, 0x13); // the brown of printed invoice forms
    private static final Color RED_INK = new DeviceRgb(0xC0, 0x00, 0x00);
    static final String RED_MARK = "红字发票（负数）";
    /**
     * Printed on every page of every document FapiaoFlow renders itself: those are local-mode (demonstration) invoices,
     * numbered here and never issued by the tax authority. Lawful 数电 invoices come from the e-invoice platform
     * (platform mode) with the platform's own documents, which are stored unchanged.
     */
    public static final String DEMO_MARK = dev.fapiaoflow.issuance.DemoMark.TEXT;
    static final String ORIGINAL_NUMBER_LABEL = "对应正数发票号码：";
    private static final String[] ITEM_HEADERS = {"项目名称", "规格型号", "单位", "数量", "单价", "金额", "税率/征收率", "税额"};

    private final PreviousCjkFont fonts;
    private final int compressionLevel;

    PreviousInvoicePdfRenderer(PreviousCjkFont fonts) {
        this(fonts, CompressionConstants.BEST_SPEED);
    }

    PreviousInvoicePdfRenderer(PreviousCjkFont fonts, int compressionLevel) {
        this.fonts = fonts;
        this.compressionLevel = compressionLevel;
    }

    public static String title(InvoiceType type) {
        return type == InvoiceType.SPECIAL ? "电子发票（增值税专用发票）" : "电子发票（普通发票）";
    }

    /**
     * The signed verification link printed as the face's second QR code, and its text and signature, also embedded
     * in the document information (the PDF signature covers them) so an uploaded copy can be matched to our records.
     */
    public record VerificationMark(String link, String invoice, String signature) {
    }

    public byte[] render(Invoice invoice) {
        return render(invoice, null, null);
    }

    public byte[] render(Invoice invoice, String originalNumber) {
        return render(invoice, originalNumber, null);
    }

    /**
     * {@code originalNumber}: for a red-letter invoice, the number of the blue invoice it reverses (对应正数发票号码),
     * printed in the header next to the 红字发票 mark; amounts are printed negative as stored.
     */
    public byte[] render(Invoice invoice, String originalNumber, VerificationMark mark) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out, new WriterProperties().setCompressionLevel(compressionLevel)))) {
            pdf.getDocumentInfo().setTitle(title(invoice.type()) + " " + invoice.number());
            pdf.getDocumentInfo().setCreator("FapiaoFlow");
            if (mark != null) {
                pdf.getDocumentInfo().setMoreInfo(PdfSignatures.INFO_INVOICE, mark.invoice());
                pdf.getDocumentInfo().setMoreInfo(PdfSignatures.INFO_SIGNATURE, mark.signature());
            }
            // pages stay open until the demo mark is drawn on each of them
            Document page = new Document(pdf, PageSize.A4.rotate(), false);
            page.setMargins(40, 32, 28, 32);
            FontProvider fontsOfDocument = fonts.newProvider();
            page.setFontProvider(fontsOfDocument);
            page.setFontFamily(fonts.families()).setFontSize(9);
            page.add(header(invoice, pdf, originalNumber, mark));
            page.add(parties(invoice));
            page.add(items(invoice));
            page.add(remarks(invoice));
            page.add(new Paragraph("开票人：" + invoice.issuer()).setFontColor(INK).setMarginTop(6));
            for (int number = 1; number <= pdf.getNumberOfPages(); number++) {
                demoMark(pdf, number, fontsOfDocument, fonts.families());
            }
            page.close();
        }
        return out.toByteArray();
    }

    /** a red banner across the top of the page, and the same words large and faint across its middle */
    private static void demoMark(PdfDocument pdf, int number, FontProvider fontsOfDocument, List<String> families) {
        PdfPage target = pdf.getPage(number);
        Rectangle box = target.getPageSize();
        try (Canvas canvas = new Canvas(new PdfCanvas(target.newContentStreamAfter(), target.getResources(), pdf), box)) {
            canvas.setFontProvider(fontsOfDocument);
            canvas.setFontFamily(families).setFontColor(RED_INK);
            canvas.showTextAligned(new Paragraph(DEMO_MARK).setFontSize(13).simulateBold(), box.getWidth() / 2,
                    box.getTop() - 12, number, TextAlignment.CENTER, VerticalAlignment.TOP, 0);
            canvas.showTextAligned(new Paragraph(DEMO_MARK).setFontSize(34).setOpacity(0.18f), box.getWidth() / 2,
                    box.getHeight() / 2, number, TextAlignment.CENTER, VerticalAlignment.MIDDLE, (float) Math.toRadians(20));
        }
    }

    private static Table header(Invoice invoice, PdfDocument pdf, String originalNumber, VerificationMark mark) {
        Table header = new Table(UnitValue.createPercentArray(new float[] {20, 50, 30})).useAllAvailableWidth();
        Paragraph codes = new Paragraph().add(qrImage(qrContent(invoice), pdf));
        if (mark != null) {
            // a link is longer than the standard payload: a little larger, so a phone still reads it from print
            codes.add(" ").add(qrImage(mark.link(), pdf).setWidth(80).setHeight(80));
        }
        header.addCell(plain(new Cell().add(codes)));
        Cell title = plain(new Cell().add(new Paragraph(title(invoice.type())).setFontSize(20).simulateBold()
                .setFontColor(INK).setTextAlignment(TextAlignment.CENTER))).setVerticalAlignment(VerticalAlignment.MIDDLE);
        Cell numbers = plain(new Cell().add(new Paragraph("发票号码：" + invoice.number()))
                .add(new Paragraph("开票日期：" + FACE_DATE.format(invoice.issueDate())))).setVerticalAlignment(VerticalAlignment.MIDDLE);
        if (invoice.kind() == InvoiceKind.RED) {
            title.add(new Paragraph(RED_MARK).setFontSize(14).simulateBold().setFontColor(RED_INK)
                    .setTextAlignment(TextAlignment.CENTER));
            numbers.add(new Paragraph(ORIGINAL_NUMBER_LABEL + (originalNumber == null ? "" : originalNumber)));
            if (invoice.redReason() != null) {
                numbers.add(new Paragraph("红冲原因：" + invoice.redReason().code() + " " + invoice.redReason().label()));
            }
        }
        header.addCell(title);
        header.addCell(numbers);
        return header;
    }

    private static Image qrImage(String content, PdfDocument pdf) {
        return new Image(new BarcodeQRCode(content).createFormXObject(ColorConstants.BLACK, pdf)).setWidth(68).setHeight(68);
    }

    /**
     * The standard invoice QR payload: version {@code 01}, type ({@code 31} 数电专票, {@code 32} 数电普票), invoice code
     * (empty for 数电), number, amount excluding tax, issue date {@code yyyyMMdd}, check code (empty for 数电), and a
     * 4-hex-digit check value (CRC-16/CCITT-FALSE of the text before it).
     */
    static String qrContent(Invoice invoice) {
        String typeCode = invoice.type() == InvoiceType.SPECIAL ? "31" : "32";
        String fields = String.join(",", "01", typeCode, "", invoice.number(), money(invoice.netAmount()),
                QR_DATE.format(invoice.issueDate()), "");
        return fields + "," + crc16(fields);
    }

    static String crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return String.format("%04X", crc & 0xFFFF);
    }

    private static Table parties(Invoice invoice) {
        BuyerDetails buyer = invoice.buyer();
        Table parties = new Table(UnitValue.createPercentArray(new float[] {4, 46, 4, 46})).useAllAvailableWidth().setMarginTop(6);
        parties.addCell(label("购买方信息"));
        parties.addCell(framed(new Cell()
                .add(new Paragraph("名称：" + text(buyer.title())))
                .add(new Paragraph("统一社会信用代码/纳税人识别号：" + text(buyer.taxId())))
                .add(optional("地址、电话：", join(buyer.address(), buyer.phone())))
                .add(optional("开户行及账号：", join(buyer.bankName(), buyer.bankAccount())))));
        parties.addCell(label("销售方信息"));
        parties.addCell(framed(new Cell()
                .add(new Paragraph("名称：" + invoice.sellerName()))
                .add(new Paragraph("统一社会信用代码/纳税人识别号：" + invoice.sellerTaxId()))
                .add(optional("地址、电话：", invoice.sellerAddress()))
                .add(optional("开户行及账号：", invoice.sellerBank()))));
        return parties;
    }

    private static Table items(Invoice invoice) {
        Table items = new Table(UnitValue.createPercentArray(new float[] {26, 10, 6, 8, 13, 13, 11, 13})).useAllAvailableWidth();
        for (String heading : ITEM_HEADERS) {
            items.addHeaderCell(framed(new Cell().add(new Paragraph(heading).setFontColor(INK)).setTextAlignment(TextAlignment.CENTER)));
        }
        for (InvoiceLine line : invoice.lines()) {
            items.addCell(framed(new Cell().add(new Paragraph(line.itemName()))));
            items.addCell(framed(new Cell()));
            items.addCell(framed(new Cell().add(new Paragraph(text(line.unit())))));
            items.addCell(number(line.quantity() == null ? "" : TaxedAmount.display(line.quantity())));
            items.addCell(number(line.unitPrice() == null ? "" : TaxedAmount.display(line.unitPrice())));
            items.addCell(number(money(line.netAmount())));
            items.addCell(number(percent(line.taxRate())));
            items.addCell(number(money(line.taxAmount())));
        }
        items.addCell(framed(new Cell(1, 5).add(new Paragraph("合计").setFontColor(INK))));
        items.addCell(number("¥" + money(invoice.netAmount())));
        items.addCell(framed(new Cell()));
        items.addCell(number("¥" + money(invoice.taxAmount())));
        items.addCell(framed(new Cell(1, 8).add(new Paragraph("价税合计（大写）  " + CapitalAmount.of(invoice.totalAmount())
                + "          （小写）¥" + money(invoice.totalAmount())))));
        return items;
    }

    private static Table remarks(Invoice invoice) {
        Table remarks = new Table(UnitValue.createPercentArray(new float[] {4, 96})).useAllAvailableWidth();
        remarks.addCell(label("备注"));
        remarks.addCell(framed(new Cell().setMinHeight(36).add(new Paragraph(text(invoice.remarks())))));
        return remarks;
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static Cell label(String text) {
        return framed(new Cell().add(new Paragraph(text).setFontColor(INK).setTextAlignment(TextAlignment.CENTER)))
                .setVerticalAlignment(VerticalAlignment.MIDDLE);
    }

    private static Cell number(String text) {
        return framed(new Cell().add(new Paragraph(text).setTextAlignment(TextAlignment.RIGHT)));
    }

    private static Paragraph optional(String label, String value) {
        return new Paragraph(value == null || value.isBlank() ? "" : label + value);
    }

    private static Cell framed(Cell cell) {
        return cell.setBorder(new SolidBorder(INK, 0.6f)).setPadding(3);
    }

    private static Cell plain(Cell cell) {
        return cell.setBorder(Border.NO_BORDER);
    }

    private static String join(String first, String second) {
        return (text(first) + " " + text(second)).trim();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
