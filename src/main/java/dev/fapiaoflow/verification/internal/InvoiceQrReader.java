package dev.fapiaoflow.verification.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.EventType;
import com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor;
import com.itextpdf.kernel.pdf.canvas.parser.data.IEventData;
import com.itextpdf.kernel.pdf.canvas.parser.data.ImageRenderInfo;
import com.itextpdf.kernel.pdf.canvas.parser.listener.IEventListener;
import com.itextpdf.kernel.pdf.xobject.PdfImageXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.fapiaoflow.shared.upload.BoundedZip;
import dev.fapiaoflow.shared.upload.UploadLimits;

/**
 * Reads the standard invoice QR code from an invoice file made by any software: in a PDF, the images drawn on its first
 * pages (every e-invoice we know of embeds the code as an image); in an OFD, its image resources, or else its embedded
 * original invoice XML ({@link OriginalInvoiceXml}). An image is decoded
 * only when small enough to be a QR code's picture, so a crafted file cannot make us decode a gigapixel bitmap.
 */
@Component
public class InvoiceQrReader {

    private static final Logger log = LoggerFactory.getLogger(InvoiceQrReader.class);
    static final int MAX_PAGES = 3;
    static final int MAX_IMAGES = 20;
    static final long MAX_PIXELS = 4_000_000;
    private static final Set<String> IMAGE_SUFFIXES = Set.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");

    private final UploadLimits limits;

    public InvoiceQrReader(UploadLimits limits) {
        this.limits = limits;
    }

    /** The invoice QR code of a PDF or OFD (format {@code PDF} or {@code OFD}); empty when it has none we can read. */
    public Optional<InvoiceQrCode> read(String format, byte[] content) {
        try {
            return "PDF".equals(format) ? fromPdf(content) : fromOfd(content);
        } catch (IOException | RuntimeException e) {
            // a damaged or hostile file simply has no readable code; the signature check has said what it is
            log.debug("No invoice QR code read from an uploaded {}: {}", format, e.toString());
            return Optional.empty();
        }
    }

    private Optional<InvoiceQrCode> fromPdf(byte[] content) throws IOException {
        try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(content)))) {
            ImageCollector images = new ImageCollector();
            int pages = Math.min(MAX_PAGES, pdf.getNumberOfPages());
            for (int page = 1; page <= pages && images.found == null; page++) {
                new PdfCanvasProcessor(images).processPageContent(pdf.getPage(page));
            }
            return Optional.ofNullable(images.found);
        }
    }

    /** The QR code image first; else the invoice data the OFD carries as its original invoice XML. */
    private Optional<InvoiceQrCode> fromOfd(byte[] content) throws IOException {
        List<InvoiceQrCode> found = new ArrayList<>();
        List<InvoiceQrCode> embedded = new ArrayList<>();
        BoundedZip.read(new ByteArrayInputStream(content), limits, (name, entry) -> {
            String lower = name.toLowerCase();
            if (found.isEmpty() && IMAGE_SUFFIXES.stream().anyMatch(lower::endsWith)) {
                decodeImage(entry).ifPresent(found::add);
            } else if (embedded.isEmpty() && lower.endsWith(".xml") && lower.contains("original_invoice")) {
                OriginalInvoiceXml.read(entry).ifPresent(embedded::add);
            }
        });
        return found.isEmpty() ? embedded.stream().findFirst() : found.stream().findFirst();
    }

    private Optional<InvoiceQrCode> decodeImage(InputStream image) throws IOException {
        BufferedImage picture = ImageIO.read(image);
        return picture == null ? Optional.empty() : decode(picture);
    }

    static Optional<InvoiceQrCode> decode(BufferedImage picture) {
        if ((long) picture.getWidth() * picture.getHeight() > MAX_PIXELS) {
            return Optional.empty();
        }
        int[] pixels = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
        LuminanceSource source = new RGBLuminanceSource(picture.getWidth(), picture.getHeight(), pixels);
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        try {
            return InvoiceQrCode.parse(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    /** Decodes the images a page draws, small ones only, until one holds an invoice QR code. */
    private static final class ImageCollector implements IEventListener {

        private InvoiceQrCode found;
        private int seen;

        @Override
        public void eventOccurred(IEventData data, EventType type) {
            if (found != null || seen >= MAX_IMAGES || !(data instanceof ImageRenderInfo info)) {
                return;
            }
            seen++;
            PdfImageXObject image = info.getImage();
            if (image == null || (long) image.getWidth() * (long) image.getHeight() > MAX_PIXELS) {
                return;
            }
            try {
                BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image.getImageBytes()));
                if (picture == null) {
                    picture = image.getBufferedImage();
                }
                if (picture != null) {
                    found = decode(picture).orElse(null);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("An image of an uploaded PDF could not be decoded: {}", e.toString());
            }
        }

        @Override
        public Set<EventType> getSupportedEvents() {
            return Set.of(EventType.RENDER_IMAGE);
        }
    }
}
