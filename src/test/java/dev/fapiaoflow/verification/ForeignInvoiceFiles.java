package dev.fapiaoflow.verification;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Paragraph;

/**
 * Invoice files as other software makes them, never through our renderer: a PDF written with plain iText (no fonts,
 * no signature, no layout of ours) with the invoice QR code as a PNG image drawn by ZXing, the way e-invoice PDFs of
 * the tax platform carry it; an OFD-shaped zip with the code as an image resource.
 */
public final class ForeignInvoiceFiles {

    private ForeignInvoiceFiles() {
    }

    /** the standard invoice QR code text: 01,kind,code,number,amount,yyyyMMdd,check code,CRC */
    public static String qrText(String kind, String code, String number, String amount, String yyyyMMdd, String checkCode) {
        return String.join(",", "01", kind, code == null ? "" : code, number, amount, yyyyMMdd, checkCode == null ? "" : checkCode, "8A3F");
    }

    public static byte[] pdfWithQrCode(String qrText) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Document document = new Document(new PdfDocument(new PdfWriter(out)))) {
                document.add(new Paragraph("Electronic invoice (made by another issuer's software)"));
                document.add(new Image(ImageDataFactory.create(png(qrText))).setWidth(90).setHeight(90));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] ofdWithQrCode(String qrText) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("OFD.xml"));
                zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.1\" DocType=\"OFD\"/>"
                        .getBytes());
                zip.putNextEntry(new ZipEntry("Doc_0/Res/image_qr.png"));
                zip.write(png(qrText));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] png(String text) throws IOException {
        try {
            BufferedImage image = MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 2)));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
